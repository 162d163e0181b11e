// startMock() as a consumer's test uses it: ephemeral port, ready on resolve, nothing left behind.
import { createConnection } from 'node:net';
import { preferHeader, type RunningMock, startMock } from '@cloud-release/mock';
import { afterEach, describe, expect, it } from 'vitest';
import { sign } from './support/mocks.js';

const running: RunningMock[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((m) => m.close()));
});
async function start(options: Parameters<typeof startMock>[0]) {
  const mock = await startMock(options);
  running.push(mock);
  return mock;
}

const signedHeaders = (timestamp: number, signature = 'a'.repeat(64), id = 'AK1') => ({
  'content-type': 'application/json',
  authorization: `ZC2-HMAC-SHA256 Credential=${id}, SignedHeaders=content-type;host, Signature=${signature}`,
  'x-zc-timestamp': String(timestamp),
  'x-zc-signature-method': 'ZC2-HMAC-SHA256',
});
const nowSeconds = () => Math.floor(Date.now() / 1000);

const portIsFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

describe('startMock', () => {
  it('listens on an ephemeral 127.0.0.1 port and answers as soon as it resolves', async () => {
    const mock = await start({ api: 'zenlayer' });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${mock.url}/api/v2/vm`, {
      method: 'POST',
      headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': 'ReleaseInstances' },
      body: JSON.stringify({ instanceIds: ['i-1'] }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    // A fresh id per answer, never the spec example's, repeated inside the envelope.
    expect(body.requestId).toMatch(/^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(body.requestId).not.toBe('TC1748D3E-452D-4F74-8485-7AA73718E453');
    expect(body).toEqual({ requestId: body.requestId, response: { requestId: body.requestId } });
  });

  it('close() frees the port, even with a keep-alive connection open', async () => {
    const mock = await startMock({ api: 'neutron' });
    await fetch(`${mock.url}/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 't' },
    });
    await mock.close();
    expect(await portIsFree(mock.port)).toBe(true);
  });

  it('logs one line per request naming the operation and the answer', async () => {
    const lines: string[] = [];
    const mock = await start({ api: 'zenlayer', log: (line) => lines.push(line) });
    await fetch(`${mock.url}/api/v2/zec`, {
      method: 'POST',
      headers: {
        ...signedHeaders(nowSeconds()),
        'x-zc-action': 'ReleaseDisk',
        ...preferHeader({ status: 404, example: 'INVALID_DISK_NOT_FOUND' }),
      },
      body: '{"diskId":"d-1"}',
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^zenlayer POST \/api\/v2\/zec ReleaseDisk -> 404 INVALID_DISK_NOT_FOUND [\d.]+ms$/);
  });
});

describe('preferHeader', () => {
  it('spells Prism’s Prefer header', () => {
    expect(preferHeader({ status: 404, example: 'INVALID_DISK_NOT_FOUND' })).toEqual({
      Prefer: 'code=404, example=INVALID_DISK_NOT_FOUND',
    });
    expect(preferHeader({ status: 204 })).toEqual({ Prefer: 'code=204' });
  });
});

describe('signature verification (credentials given)', () => {
  // Signed here by hand, from the documented algorithm, to keep the mock an independent witness.
  it('accepts a correct signature and refuses a wrong one with AUTHFAILURE_SIGNATURE_FAILURE', async () => {
    const mock = await start({ api: 'zenlayer', credentials: { AK1: 'pa55word' } });
    const host = new URL(mock.url).host;
    const body = '{"portId":"p-1"}';
    const ts = nowSeconds();
    const post = (signature: string) =>
      fetch(`${mock.url}/api/v2/sdn`, {
        method: 'POST',
        headers: { ...signedHeaders(ts, signature), 'x-zc-action': 'DestroyPort' },
        body,
      });
    expect((await post(sign(body, host, ts, 'pa55word'))).status).toBe(200);
    const refused = await post(sign(body, host, ts, 'other'));
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'AUTHFAILURE_SIGNATURE_FAILURE' });
  });

  it('refuses a timestamp more than 5 minutes off with AUTHFAILURE_SIGNATURE_EXPIRED', async () => {
    const mock = await start({ api: 'zenlayer', now: () => new Date('2026-01-01T00:10:00Z') });
    const stale = Date.parse('2026-01-01T00:04:59Z') / 1000;
    const response = await fetch(`${mock.url}/api/v2/sdn`, {
      method: 'POST',
      headers: { ...signedHeaders(stale), 'x-zc-action': 'DestroyPort' },
      body: '{"portId":"p-1"}',
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      code: 'AUTHFAILURE_SIGNATURE_EXPIRED',
      message: expect.stringMatching(/301 s.*300 s/),
    });
  });
});
