// Neutron routing mistakes as a client sees them: a wrong URL is 404 HTTPNotFound (never
// PortNotFound, which a client may take for "already deleted"), a broken one a 400, a wrong
// method a 405 that lists the allowed ones; under /v2.0 each carries a request id, as Neutron's
// middleware adds one there and not to the root versions app.
import { describe, expect, it } from 'vitest';
import { neutron, statefulInProcess } from './support.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const error = (type: string, message: string) => ({ NeutronError: { type, message, detail: '' } });

describe('Neutron routing mistakes', () => {
  it('an unknown URL under /v2.0: 404 HTTPNotFound with a request id', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    const answer = await neutron(mock, 'GET', '/v2.0/networks');
    expect(answer).toMatchObject({ status: 404, body: error('HTTPNotFound', 'The resource could not be found.') });
    expect(answer.headers.get('x-openstack-request-id')).toMatch(/^req-/);
  });

  it('an unknown URL outside /v2.0: 404 HTTPNotFound without one', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    const answer = await neutron(mock, 'GET', '/v3/ports');
    expect(answer).toMatchObject({ status: 404, body: error('HTTPNotFound', 'The resource could not be found.') });
    expect(answer.headers.get('x-openstack-request-id')).toBeNull();
  });

  // Found by this test: the stateful mock's journal decoded the id and answered 500.
  it('a malformed percent-encoding: 400, not a 404, journaled without ids (it failed validation)', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    const answer = await neutron(mock, 'DELETE', '/v2.0/ports/%E0%A4%A');
    expect(answer).toMatchObject({
      status: 400,
      body: error('HTTPBadRequest', 'The path /v2.0/ports/%E0%A4%A has a malformed percent-encoding.'),
    });
    expect(mock.requests()).toMatchObject([{ method: 'DELETE', ids: [], status: 400 }]);
  });

  it('a method the path does not allow: 405 listing the allowed ones, with a request id', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    const answer = await neutron(mock, 'PUT', `/v2.0/ports/${PORT}`);
    expect(answer).toMatchObject({
      status: 405,
      body: error('HTTPMethodNotAllowed', `PUT is not allowed on /v2.0/ports/${PORT}; allowed: GET, DELETE.`),
    });
    expect(answer.headers.get('x-openstack-request-id')).toMatch(/^req-/);
  });
});
