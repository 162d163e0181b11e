// A page in a browser can call both mocks: preflights from any origin are answered for every
// header the APIs use, and the headers a client reads are exposed on every answer.
import { describe, expect, it } from 'vitest';
import { nowSeconds, PORT_ID, signedHeaders, start } from './support/mocks.js';

const preflight = (url: string, method: string, headers: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: 'https://page.example',
      'access-control-request-method': method,
      'access-control-request-headers': headers,
    },
  });

const allowed = (response: Response) =>
  (response.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);

describe('CORS', () => {
  it('Zenlayer: a preflight for a signed POST is allowed from any origin', async () => {
    const mock = await start({ api: 'zenlayer' });
    const asked =
      'authorization, content-type, x-zc-action, x-zc-timestamp, x-zc-signature-method, x-zc-version, x-zc-service, x-zc-sdk-lang, x-zc-sdk-version, prefer';
    const response = await preflight(`${mock.url}/api/v2/vm`, 'POST', asked);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed(response)).toEqual(expect.arrayContaining(asked.split(', ')));
  });

  it('Zenlayer: an X-ZC-* header the mock has not heard of is allowed too', async () => {
    const mock = await start({ api: 'zenlayer' });
    const response = await preflight(`${mock.url}/api/v2/vm`, 'POST', 'x-zc-future-header');
    expect(allowed(response)).toContain('x-zc-future-header');
  });

  it('Neutron: a preflight for DELETE with X-Auth-Token and If-Match is allowed', async () => {
    const mock = await start({ api: 'neutron' });
    const response = await preflight(`${mock.url}/v2.0/ports/${PORT_ID}`, 'DELETE', 'x-auth-token, if-match, prefer');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('DELETE');
    expect(allowed(response)).toEqual(expect.arrayContaining(['x-auth-token', 'if-match', 'prefer']));
  });

  it('every answer, errors and mock errors included, allows any origin and exposes what clients read', async () => {
    const zenlayer = await start({ api: 'zenlayer' });
    const neutron = await start({ api: 'neutron' });
    const answers = [
      await fetch(`${neutron.url}/v2.0/ports/${PORT_ID}`, { method: 'DELETE', headers: { 'x-auth-token': 't' } }),
      await fetch(`${neutron.url}/v2.0/ports/${PORT_ID}`, { method: 'DELETE' }),
      await fetch(`${zenlayer.url}/api/v2/zec`, {
        method: 'POST',
        headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': 'ReleaseDisk', prefer: 'code=429' },
        body: '{"diskId":"d-1"}',
      }),
      await fetch(`${zenlayer.url}/api/v2/zec`, {
        method: 'POST',
        headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': 'ReleaseDisk', prefer: 'code=299' },
        body: '{"diskId":"d-1"}',
      }),
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

  it('an OPTIONS that is not a preflight is still refused in the provider’s shape', async () => {
    const mock = await start({ api: 'neutron' });
    const response = await fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, { method: 'OPTIONS' });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ NeutronError: { type: 'HTTPMethodNotAllowed' } });
  });
});
