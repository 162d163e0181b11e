// startMock() at its edges, as a consumer's test meets them: a port already taken, close()
// called twice, the control plane only in stateful mode, and the framing of every answer.
import { connect } from 'node:net';
import { startMock } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { stateful } from './stateful/support.js';
import { PORT_ID, start } from './support/mocks.js';

/** Two DELETEs pipelined on one connection; resolves with the status lines it got back. */
function twoDeletes(url: string) {
  const del = `DELETE /v2.0/ports/${PORT_ID} HTTP/1.1\r\nHost: x\r\nX-Auth-Token: t\r\n`;
  return new Promise<string[]>((resolve) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    let out = '';
    socket.on('data', (d) => (out += d));
    socket.on('error', () => {});
    socket.on('close', () => resolve(out.match(/^HTTP\/1\.1 .+$/gm) ?? []));
    socket.write(`${del}\r\n${del}Connection: close\r\n\r\n`);
  });
}

describe('startMock', () => {
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
});

describe('/__mock/ is the control plane in stateful mode only', () => {
  it('in examples mode it is a path the provider does not know', async () => {
    const neutron = await start({ api: 'neutron' });
    const response = await fetch(`${neutron.url}/__mock/requests`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      NeutronError: { type: 'HTTPNotFound', message: 'The resource could not be found.', detail: '' },
    });
  });

  it('in stateful mode only the /__mock/ prefix is, not a path that merely contains it', async () => {
    const neutron = await stateful({ api: 'neutron' });
    expect((await fetch(`${neutron.url}/__mock/requests`)).status).toBe(200);
    const inside = await fetch(`${neutron.url}/v2.0/__mock/requests`, { headers: { 'x-auth-token': 't' } });
    expect(inside.status).toBe(404);
    expect(await inside.json()).toMatchObject({ NeutronError: { type: 'HTTPNotFound' } });
  });
});

describe('the framing of an answer', () => {
  it('a JSON body is sent with its length in bytes and as application/json; no body, no length', async () => {
    const mock = await start({ api: 'neutron' });
    const notFound = await fetch(`${mock.url}/v2.0/ports/%C3%A9%E4%B8%AD`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 't' },
    });
    const text = await notFound.text();
    expect(notFound.headers.get('content-type')).toBe('application/json');
    expect(notFound.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(text).toContain('é中');
    const deleted = await fetch(`${mock.url}/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 't' },
    });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('content-length')).toBeNull();
    expect(deleted.headers.get('content-type')).toBeNull();
    expect(await deleted.text()).toBe('');
  });
});

describe('the connection after an answer', () => {
  it('stays open for the next request, with or without a log', async () => {
    for (const log of [undefined, () => {}]) {
      const mock = await start({ api: 'neutron', ...(log && { log }) });
      expect(await twoDeletes(mock.url)).toEqual(['HTTP/1.1 204 No Content', 'HTTP/1.1 204 No Content']);
    }
  });

  it('is closed once answered when the log sink throws, and the mock keeps serving', async () => {
    const mock = await start({
      api: 'neutron',
      log: () => {
        throw new Error('log sink full');
      },
    });
    expect(await twoDeletes(mock.url)).toEqual(['HTTP/1.1 204 No Content']);
    expect((await fetch(`${mock.url}/v2.0/ports`, { headers: { 'x-auth-token': 't' } })).status).toBe(200);
  });
});

describe('the log line', () => {
  it('gives the time the request took, no longer than the client waited', async () => {
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
