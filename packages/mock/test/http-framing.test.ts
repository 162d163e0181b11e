// How an answer travels, as an HTTP client reads it: the body's type and length in bytes, and
// whether the connection stays open for the next request.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
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
    const deleted = await fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, {
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
