// Input an attacker or a broken client sends: never a 500, never a way in.
import { describe, expect, it } from 'vitest';
import { nowSeconds, PORT_ID, rawRequest, sign, signedHeaders, start } from './support/mocks.js';

const BODY = '{"diskId":"d-1"}';
const releaseDisk = (url: string, headers: Record<string, string>) =>
  fetch(`${url}/api/v2/zec`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-zc-action': 'ReleaseDisk', ...headers },
    body: BODY,
  });
const envelopeOf = (code: string) => ({
  requestId: expect.stringMatching(/^T[0-9A-F-]{36}$/),
  code,
  message: expect.any(String),
});

describe('bearer tokens', () => {
  it('with credentials, refuses any bearer token in the Zenlayer envelope', async () => {
    const mock = await start({ api: 'zenlayer', credentials: { AK1: 'pw' } });
    const response = await releaseDisk(mock.url, { authorization: 'Bearer anything-at-all' });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      ...envelopeOf('AUTHFAILURE_INVALID_AUTHORIZATION'),
      message: 'The bearer token is not valid.',
    });
  });

  it('with credentials and bearerTokens, accepts only the listed tokens', async () => {
    const mock = await start({ api: 'zenlayer', credentials: { AK1: 'pw' }, bearerTokens: ['tok-1', 'tok-2'] });
    expect((await releaseDisk(mock.url, { authorization: 'Bearer tok-2' })).status).toBe(200);
    const refused = await releaseDisk(mock.url, { authorization: 'Bearer tok-3' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(envelopeOf('AUTHFAILURE_INVALID_AUTHORIZATION'));
  });

  it('with bearerTokens alone, refuses an unlisted token; with neither, accepts any', async () => {
    const listed = await start({ api: 'zenlayer', bearerTokens: ['tok-1'] });
    expect((await releaseDisk(listed.url, { authorization: 'Bearer tok-1' })).status).toBe(200);
    expect((await releaseDisk(listed.url, { authorization: 'Bearer tok-9' })).status).toBe(401);
    const open = await start({ api: 'zenlayer' });
    expect((await releaseDisk(open.url, { authorization: 'Bearer tok-9' })).status).toBe(200);
  });
});

describe('own properties only', () => {
  for (const id of ['constructor', '__proto__', 'toString', 'hasOwnProperty'])
    it(`Credential=${id} is an unknown access key (401), not a 500`, async () => {
      const mock = await start({ api: 'zenlayer', credentials: { AK1: 'pw' } });
      const ts = nowSeconds();
      const signature = sign(BODY, new URL(mock.url).host, ts, 'pw');
      const response = await releaseDisk(mock.url, signedHeaders(ts, signature, id));
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        ...envelopeOf('AUTHFAILURE_INVALID_AUTHORIZATION'),
        message: `Unknown access key id ${id}.`,
      });
    });

  it('headers named like Object.prototype members change nothing', async () => {
    const mock = await start({ api: 'zenlayer' });
    const response = await releaseDisk(mock.url, {
      ...signedHeaders(nowSeconds()),
      constructor: 'x',
      __proto__: 'y',
      'x-zc-action': 'ReleaseDisk',
    } as Record<string, string>);
    expect(response.status).toBe(200);
  });
});

describe('malformed or odd input gets a provider-shaped 4xx, never a 500', () => {
  for (const path of ['%E0%A4%A', '%', '%ZZ'])
    it(`Neutron: malformed percent-encoding ${path} in the path → 400 HTTPBadRequest`, async () => {
      const mock = await start({ api: 'neutron' });
      const response = await fetch(`${mock.url}/v2.0/ports/${path}`, {
        method: 'DELETE',
        headers: { 'x-auth-token': 't' },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        NeutronError: {
          type: 'HTTPBadRequest',
          message: `The path /v2.0/ports/${path} has a malformed percent-encoding.`,
          detail: '',
        },
      });
    });

  it('Neutron: unicode in the port id is a port that does not exist', async () => {
    const mock = await start({ api: 'neutron' });
    const response = await fetch(`${mock.url}/v2.0/ports/%C3%A9%E4%B8%AD`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 't' },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      NeutronError: { type: 'PortNotFound', message: 'Port é中 could not be found.' },
    });
  });

  it('Zenlayer: unicode or a broken escape in the service path is a routing error', async () => {
    const mock = await start({ api: 'zenlayer' });
    for (const path of ['/api/v2/%E0%A4%A', '/api/v2/zéc']) {
      const response = await fetch(`${mock.url}${path}`, {
        method: 'POST',
        headers: signedHeaders(nowSeconds()),
        body: BODY,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        code: 'INVALID_PARAMETER_VALUE',
        message: expect.stringMatching(/^Unknown service path/),
      });
    }
  });

  for (const method of ['PROPFIND', 'QUERY', 'PATCH'])
    it(`an odd method (${method}) is refused in each provider's shape`, async () => {
      const zenlayer = await start({ api: 'zenlayer' });
      const neutron = await start({ api: 'neutron' });
      const z = await fetch(`${zenlayer.url}/api/v2/zec`, { method, headers: signedHeaders(nowSeconds()), body: BODY });
      expect(z.status).toBe(400);
      expect(await z.json()).toMatchObject({
        code: 'INVALID_PARAMETER_VALUE',
        message: `${method} is not supported; every action is a POST.`,
      });
      const n = await fetch(`${neutron.url}/v2.0/ports/${PORT_ID}`, { method, headers: { 'x-auth-token': 't' } });
      expect(n.status).toBe(405);
      expect(await n.json()).toMatchObject({ NeutronError: { type: 'HTTPMethodNotAllowed' } });
    });

  it('a huge header, a bad Content-Length and raw UTF-8 in the request line are refused as 4xx', async () => {
    const mock = await start({ api: 'zenlayer' });
    const head = 'POST /api/v2/zec HTTP/1.1\r\nHost: x\r\nConnection: close\r\n';
    expect((await rawRequest(mock.url, `${head}X-Big: ${'a'.repeat(20_000)}\r\n\r\n`)).statusLine).toBe(
      'HTTP/1.1 431 Request Header Fields Too Large',
    );
    expect((await rawRequest(mock.url, `${head}Content-Length: abc\r\n\r\n{}`)).statusLine).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    expect((await rawRequest(mock.url, `${head}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`)).statusLine).toBe(
      'HTTP/1.1 400 Bad Request',
    );
    const utf8 = Buffer.from(
      'POST /api/v2/zéc HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}',
    );
    expect((await rawRequest(mock.url, utf8.toString('latin1'))).statusLine).toMatch(/^HTTP\/1\.1 4\d\d /);
    // …and it keeps serving.
    expect((await releaseDisk(mock.url, signedHeaders(nowSeconds()))).status).toBe(200);
  });

  it('JSON that names prototype members or nests deeply is a validation error', async () => {
    const mock = await start({ api: 'zenlayer' });
    for (const [body, code] of [
      ['{"__proto__":{"x":1},"diskId":"d"}', 'INVALID_PARAMETER_VALUE'],
      ['{"constructor":1,"diskId":"d"}', 'INVALID_PARAMETER_VALUE'],
      [`{"diskId":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'INVALID_PARAMETER_TYPE'],
      [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, 'INVALID_PARAMETER_TYPE'],
    ] as const) {
      const response = await fetch(`${mock.url}/api/v2/zec`, {
        method: 'POST',
        headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': 'ReleaseDisk' },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code });
    }
  });

  it('a throwing log callback does not take the mock down', async () => {
    const mock = await start({
      api: 'neutron',
      log: () => {
        throw new Error('log sink full');
      },
    });
    const del = () =>
      fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, { method: 'DELETE', headers: { 'x-auth-token': 't' } });
    expect((await del()).status).toBe(204);
    expect((await del()).status).toBe(204);
  });
});
