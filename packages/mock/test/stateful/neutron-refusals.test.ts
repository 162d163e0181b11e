// What Neutron refuses before it looks a port up, as a client reads it (400 or 404, the type,
// the message naming the parameter as the spec spells it, a request id) and what is left after:
// the port is still there.
import { describe, expect, it } from 'vitest';
import { neutron, stateful } from './support.js';

const PORT = '00000000-0000-4000-8000-000000000001';
const seed = { resources: [{ id: PORT, name: 'web-port', revision_number: 4 }] };
const error = (type: string, message: string) => ({ NeutronError: { type, message, detail: '' } });
const REQ_ID = /^req-[0-9a-f-]{36}$/;
const IF_MATCH_PATTERN = '^\\s*(\\*|(W/)?("[^"]*"|[^\\s",]+))(\\s*,\\s*(\\*|(W/)?("[^"]*"|[^\\s",]+)))*\\s*$';

async function portKept(mock: { url: string }) {
  expect((await neutron(mock, 'GET', `/v2.0/ports/${PORT}`)).body.port).toMatchObject({ id: PORT, revision_number: 4 });
}

describe('Neutron request checks', () => {
  it('a name filter given twice: 400 naming the filter, in the spec’s words', async () => {
    const mock = await stateful({ api: 'neutron', seed });
    const answer = await neutron(mock, 'GET', '/v2.0/ports?name=a&name=b');
    expect(answer).toMatchObject({ status: 400, body: error('HTTPBadRequest', 'Invalid name: must be a string.') });
    expect(answer.headers.get('x-openstack-request-id')).toMatch(REQ_ID);
  });

  it('an If-Match that is no etag list: 400 naming If-Match and its pattern; the port is kept', async () => {
    const mock = await stateful({ api: 'neutron', seed });
    const answer = await neutron(mock, 'DELETE', `/v2.0/ports/${PORT}`, { 'if-match': 'a b' });
    expect(answer).toMatchObject({
      status: 400,
      body: error('HTTPBadRequest', `Invalid If-Match: does not match the pattern ${IF_MATCH_PATTERN}.`),
    });
    await portKept(mock);
  });

  it('If-Match is read on a delete only: a show with any If-Match is answered', async () => {
    const mock = await stateful({ api: 'neutron', seed });
    for (const ifMatch of ['revision_number=x', 'revision_number=3']) {
      const answer = await neutron(mock, 'GET', `/v2.0/ports/${PORT}`, { 'if-match': ifMatch });
      expect(answer.status).toBe(200);
      expect(answer.body.port.id).toBe(PORT);
    }
  });

  it('a delete with no If-Match, or one without a revision entry, deletes whatever the revision', async () => {
    for (const headers of [{}, { 'if-match': '*' }, { 'if-match': '"abc", W/"x"' }] as Record<string, string>[]) {
      const mock = await stateful({ api: 'neutron', seed });
      expect((await neutron(mock, 'DELETE', `/v2.0/ports/${PORT}`, headers)).status).toBe(204);
      expect((await neutron(mock, 'GET', '/v2.0/ports')).body.ports).toEqual([]);
    }
  });

  it('an id that is no UUID is a port not found, even where unseeded ids are made up', async () => {
    const mock = await stateful({ api: 'neutron', seed });
    for (const method of ['GET', 'DELETE']) {
      const answer = await neutron(mock, method, '/v2.0/ports/web-port');
      expect(answer).toMatchObject({ status: 404, body: error('PortNotFound', 'Port web-port could not be found.') });
      expect(answer.headers.get('x-openstack-request-id')).toMatch(REQ_ID);
    }
    expect((await neutron(mock, 'GET', '/v2.0/ports')).body.ports).toMatchObject([{ id: PORT }]);
  });

  it('an upper-case UUID is an id like any other', async () => {
    const mock = await stateful({ api: 'neutron', seed });
    const upper = PORT.toUpperCase().replace('0001', '00AB');
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${upper}`)).status).toBe(204);
    await portKept(mock);
  });
});
