// startMock() as a consumer's test uses it: ephemeral port, ready on resolve, a port already
// taken, close() twice, one log line per request, nothing left behind.
import { createConnection } from 'node:net';
import { preferHeader, startMock } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { nowSeconds, signedHeaders, start } from './support/mocks.js';

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

  it('refuses a port that is already taken, instead of resolving with nothing listening', async () => {
    const first = await start({ api: 'neutron' });
    await expect(startMock({ api: 'neutron', port: first.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    // …and the mock that has it keeps serving.
    expect((await fetch(`${first.url}/v2.0/ports`, { headers: { 'x-auth-token': 't' } })).status).toBe(200);
  });

  it('close() of a mock already closed rejects, saying it is not running', async () => {
    const mock = await startMock({ api: 'zenlayer' });
    await mock.close();
    await expect(mock.close()).rejects.toMatchObject({ code: 'ERR_SERVER_NOT_RUNNING' });
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

  it('logs the time the request took, no longer than the client waited', async () => {
    const lines: string[] = [];
    const mock = await start({ api: 'neutron', log: (line) => lines.push(line) });
    const before = performance.now();
    await fetch(`${mock.url}/v2.0/ports`, { headers: { 'x-auth-token': 't' } });
    const waited = performance.now() - before;
    const ms = Number(/ ([\d.]+)ms$/.exec(lines[0]!)?.[1]);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(ms).toBeLessThanOrEqual(waited);
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
