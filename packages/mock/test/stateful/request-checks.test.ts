// The checks each provider makes on a request before it looks at any resource, as a client
// sees them: a 400 naming what is wrong, and nothing deleted.
import { describe, expect, it } from 'vitest';
import { nowSeconds, rawRequest, signedHeaders } from '../support/mocks.js';
import { stateful } from './support.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

describe('Neutron', () => {
  it('a repeated name filter is refused by the spec (name is one string), naming the field', async () => {
    const mock = await stateful({ api: 'neutron' });
    const response = await fetch(`${mock.url}/v2.0/ports?name=a&name=b`, { headers: { 'x-auth-token': 't' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { NeutronError: { type: string; message: string } };
    expect(body.NeutronError.type).toBe('HTTPBadRequest');
    expect(body.NeutronError.message).toMatch(/^Invalid name: /);
  });

  it('a repeated id filter is accepted (ids are a list)', async () => {
    const mock = await stateful({ api: 'neutron' });
    const response = await fetch(`${mock.url}/v2.0/ports?id=${PORT}&id=${PORT}`, { headers: { 'x-auth-token': 't' } });
    expect(response.status).toBe(200);
  });

  it('a DELETE with a body over the limit is refused as a DELETE with a body', async () => {
    const mock = await stateful({ api: 'neutron' });
    const response = await fetch(`${mock.url}/v2.0/ports/${PORT}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 't', 'content-type': 'application/json' },
      body: 'x'.repeat(1024 * 1024 + 5),
    });
    expect(response.status).toBe(400);
    // The wording is pinned in neutron-delete-requests.test.ts.
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

describe('Zenlayer', () => {
  async function post(headers: Record<string, string>) {
    const mock = await stateful({ api: 'zenlayer' });
    const response = await fetch(`${mock.url}/api/v2/vm`, {
      method: 'POST',
      headers: { 'x-zc-action': 'ReleaseInstances', ...headers },
      body: new TextEncoder().encode('{"instanceIds":["i-1"]}'),
    });
    return { status: response.status, body: (await response.json()) as { code: string; message: string } };
  }

  it.each([
    ['text/plain', 'text/plain'],
    [undefined, 'none'],
  ])('a Content-Type of %s is refused with 400, naming it', async (type, named) => {
    const { 'content-type': _, ...unsigned } = signedHeaders(nowSeconds());
    const { status, body } = await post({ ...unsigned, ...(type && { 'content-type': type }) });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      message: `Content-Type must be application/json (got ${named}).`,
    });
  });
});
