// A page in a browser can call both mocks. A preflight, header by header, as the page's browser
// reads it: which methods and headers it may send (from any origin), for how long it may cache
// that, and that only an OPTIONS naming a method is one; and every answer, errors included,
// exposes the headers a client reads.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { stateful } from './stateful/support.js';
import { PORT_ID, signedAction, start } from './support/mocks.js';

/** Request headers the APIs use, as the mock allows them to any page. */
const API_HEADERS =
  'Authorization, Content-Type, X-ZC-Action, X-ZC-Version, X-ZC-Timestamp, X-ZC-Signature-Method, X-ZC-Service, X-ZC-SDK-Lang, X-ZC-SDK-Version, X-ZC-Request-Client, X-Auth-Token, If-Match, Prefer';

/** An OPTIONS over node:http, so that any header value can be sent. */
function options(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(url, { method: 'OPTIONS', headers: { origin: 'https://page.example', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const portUrl = (mock: { url: string }) => `${mock.url}/v2.0/ports/${PORT_ID}`;

describe('a preflight', () => {
  it.each([
    ['neutron', 'DELETE', portUrl],
    ['zenlayer', 'POST', (mock: { url: string }) => `${mock.url}/api/v2/vm`],
  ] as const)('%s: allows POST and DELETE, every header the APIs use, for 600 s', async (api, method, url) => {
    const mock = await start({ api });
    const { status, headers } = await options(url(mock), { 'access-control-request-method': method });
    expect(status).toBe(204);
    expect(headers).toMatchObject({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'POST, DELETE',
      'access-control-allow-headers': API_HEADERS,
      'access-control-max-age': '600',
    });
  });

  it('allows the method it names on top, once', async () => {
    const mock = await start({ api: 'neutron' });
    const methods = async (method: string) =>
      (await options(portUrl(mock), { 'access-control-request-method': method })).headers[
        'access-control-allow-methods'
      ];
    expect(await methods('PUT')).toBe('POST, DELETE, PUT');
    expect(await methods('POST')).toBe('POST, DELETE');
    // Not a method name: not echoed into the answer.
    expect(await methods('PU T')).toBe('POST, DELETE');
  });

  it('allows the headers it names on top, each once, and nothing that is not a header name', async () => {
    const mock = await start({ api: 'zenlayer' });
    const { headers } = await options(`${mock.url}/api/v2/vm`, {
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'Authorization, x-zc-future ,, bad header,X-Trace',
    });
    expect(headers['access-control-allow-headers']).toBe(`${API_HEADERS}, x-zc-future, X-Trace`);
  });

  it('is logged as a preflight, and a throwing log sink does not stop the answer', async () => {
    const lines: string[] = [];
    const mock = await start({ api: 'neutron', log: (line) => lines.push(line) });
    await options(portUrl(mock), { 'access-control-request-method': 'DELETE' });
    expect(lines).toEqual([`neutron OPTIONS /v2.0/ports/${PORT_ID} - -> 204 preflight`]);
    const throwing = await start({
      api: 'neutron',
      log: () => {
        throw new Error('log sink full');
      },
    });
    expect((await options(portUrl(throwing), { 'access-control-request-method': 'DELETE' })).status).toBe(204);
    expect((await fetch(portUrl(throwing), { method: 'DELETE', headers: { 'x-auth-token': 't' } })).status).toBe(204);
  });
});

describe('a preflight is no API call', () => {
  it('the stateful journal and the log hold the calls that follow it, not the preflight', async () => {
    const lines: string[] = [];
    const mock = await stateful({ api: 'neutron', log: (line) => lines.push(line) });
    expect((await options(portUrl(mock), { 'access-control-request-method': 'DELETE' })).status).toBe(204);
    const deleted = await fetch(portUrl(mock), { method: 'DELETE', headers: { 'x-auth-token': 't' } });
    expect(deleted.status).toBe(204);
    expect(mock.requests()).toMatchObject([{ method: 'DELETE', path: `/v2.0/ports/${PORT_ID}`, status: 204 }]);
    expect(lines.map((line) => line.split(' ').slice(0, 6).join(' '))).toEqual([
      `neutron OPTIONS /v2.0/ports/${PORT_ID} - -> 204`,
      `neutron DELETE /v2.0/ports/${PORT_ID} DeletePort -> 204`,
    ]);
  });
});

describe('not a preflight', () => {
  it('a POST that carries Access-Control-Request-Method is an API call', async () => {
    const mock = await start({ api: 'zenlayer' });
    const response = await signedAction(fetch, mock.url, 'ReleaseDisk', '{"diskId":"d-1"}', {
      'access-control-request-method': 'POST',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toBeNull();
    expect(await response.json()).toMatchObject({ response: { requestId: expect.any(String) } });
  });

  it('an OPTIONS that is not a preflight is still refused in the provider’s shape', async () => {
    const mock = await start({ api: 'neutron' });
    const response = await fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, { method: 'OPTIONS' });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ NeutronError: { type: 'HTTPMethodNotAllowed' } });
  });
});

describe('every answer', () => {
  it('errors and mock errors included, allows any origin and exposes what clients read', async () => {
    const zenlayer = await start({ api: 'zenlayer' });
    const neutron = await start({ api: 'neutron' });
    const answers = [
      await fetch(`${neutron.url}/v2.0/ports/${PORT_ID}`, { method: 'DELETE', headers: { 'x-auth-token': 't' } }),
      await fetch(`${neutron.url}/v2.0/ports/${PORT_ID}`, { method: 'DELETE' }),
      await signedAction(fetch, zenlayer.url, 'ReleaseDisk', '{"diskId":"d-1"}', { prefer: 'code=429' }),
      await signedAction(fetch, zenlayer.url, 'ReleaseDisk', '{"diskId":"d-1"}', { prefer: 'code=299' }),
    ];
    expect(answers.map((r) => r.status)).toEqual([204, 401, 429, 418]);
    for (const response of answers) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      const exposed = (response.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/);
      expect(exposed).toEqual(
        expect.arrayContaining(['retry-after', 'x-openstack-request-id', 'cf-mitigated', 'content-type']),
      );
    }
  });
});
