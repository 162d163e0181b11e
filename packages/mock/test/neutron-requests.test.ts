// What Neutron reads in a request and refuses before it looks a port up, as a client reads it
// (400 or 404, the type, the message naming the parameter as the spec spells it, a request id)
// and what is left after: the port is still there. If-Match is an etag list whose
// revision_number entry counts; a DELETE takes no body.
import { describe, expect, it } from 'vitest';
import { neutron, stateful } from './stateful/support.js';
import { PORT_ID, rawRequest, start } from './support/mocks.js';

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

  it('a repeated id filter is accepted (ids are a list)', async () => {
    const mock = await stateful({ api: 'neutron' });
    const response = await fetch(`${mock.url}/v2.0/ports?id=${PORT_ID}&id=${PORT_ID}`, {
      headers: { 'x-auth-token': 't' },
    });
    expect(response.status).toBe(200);
  });

  it('a DELETE with a body over the limit is refused as a DELETE with a body', async () => {
    const mock = await stateful({ api: 'neutron' });
    const response = await fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: 'x'.repeat(1024 * 1024 + 5),
    });
    expect(response.status).toBe(400);
    // The wording is pinned below, in examples mode.
    expect(await response.json()).toMatchObject({ NeutronError: { type: 'HTTPBadRequest' } });
  });

  // The spec documents no GET body, so Prism cannot answer one: the mock's own 418, not Neutron's
  // DELETE refusal, which would tell a client something about deletes that is not so.
  it('a GET with a body is not refused as a DELETE with a body', async () => {
    const mock = await stateful({ api: 'neutron' });
    const { statusLine, body } = await rawRequest(
      mock.url,
      'GET /v2.0/ports HTTP/1.1\r\nHost: localhost\r\nX-Auth-Token: t\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    );
    expect(statusLine).toBe("HTTP/1.1 418 I'm a Teapot");
    expect(JSON.parse(body)).toMatchObject({ type: 'urn:cloud-release:mock-error:unanswerable' });
  });
});

async function deletePort(headers: Record<string, string>, init: RequestInit = {}) {
  const mock = await start({ api: 'neutron' });
  const response = await fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, {
    method: 'DELETE',
    ...init,
    headers: { 'x-auth-token': 't', ...headers },
  });
  const text = await response.text();
  return { response, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('examples mode: a DELETE reads If-Match as an etag list, and takes no body', () => {
  for (const ifMatch of [
    'revision_number=4',
    '"revision_number=4"',
    'W/"revision_number=4"',
    '*',
    '*, "revision_number=4"',
    'abc',
  ])
    it(`accepts If-Match: ${ifMatch}`, async () => {
      expect((await deletePort({ 'if-match': ifMatch })).response.status).toBe(204);
    });

  it('uses the revision_number entry (a 412 can be asked for with it)', async () => {
    const { response, json } = await deletePort({ 'if-match': '*, "revision_number=4"', prefer: 'code=412' });
    expect(response.status).toBe(412);
    expect(json).toMatchObject({ NeutronError: { type: 'RevisionNumberConstraintFailed' } });
  });

  // spec/neutron.yaml: neutron-lib's BadRequest, whose type is `BadRequest`.
  for (const ifMatch of ['revision_number=x', '"revision_number="', '*, revision_number=4a'])
    it(`refuses a malformed revision number (${ifMatch}) with 400 BadRequest`, async () => {
      const { response, json } = await deletePort({ 'if-match': ifMatch });
      expect(response.status).toBe(400);
      expect(json).toEqual({
        NeutronError: {
          type: 'BadRequest',
          message: expect.stringMatching(
            /^Bad port request: Revision number must be an integer in If-Match, got revision_number=/,
          ),
          detail: '',
        },
      });
    });

  it('refuses a body sent with the DELETE', async () => {
    const { response, json } = await deletePort({ 'content-type': 'application/json' }, { body: '{"port":{}}' });
    expect(response.status).toBe(400);
    expect(json).toEqual({
      NeutronError: { type: 'HTTPBadRequest', message: 'Request body is not supported in DELETE.', detail: '' },
    });
  });
});
