// Against hostile servers: redirects are refused and never followed, an answer that may hide
// an accepted release is "unknown" (never "not sent"), bodies are read with a bound, and a
// base URL with credentials is refused without echoing them.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  OutcomeUnknownError,
  RedirectError,
  ValidationError,
  ZenlayerApiError,
} from '../src/index.js';
import { type CaptureServer, type Reply, startCaptureServer } from './support/capture-server.js';
import { type StreamingServer, startStreamingServer } from './support/streaming-server.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const TOKEN = 'keystone-SECRET-51';
const PASSWORD = 'pw-SECRET-7f3a';
const servers: Array<CaptureServer | StreamingServer> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
async function serve(reply: (r: never) => Reply) {
  const server = await startCaptureServer(reply as never);
  servers.push(server);
  return server;
}

const clients = {
  zenlayer: (baseUrl: string, extra = {}) => {
    const zc = createZenlayerClient({ accessKeyId: 'AK-1', accessKeyPassword: PASSWORD, baseUrl, ...extra });
    return { call: () => zc.releaseDisk('disk-1'), ids: ['disk-1'] };
  },
  neutron: (baseUrl: string, extra = {}) => {
    const ne = createNeutronClient({ baseUrl, token: TOKEN, ...extra });
    return { call: () => ne.deletePort(PORT), ids: [PORT] };
  },
};
const both = Object.keys(clients) as Array<keyof typeof clients>;

describe('redirects are never followed', () => {
  const cases = both.flatMap((client) => [301, 302, 303, 307, 308].map((status) => [client, status] as const));
  it.each(cases)(
    '%s: a cross-origin %i is a RedirectError and the other origin receives nothing',
    async (client, status) => {
      const other = await serve(() => ({
        status: 200,
        body: { requestId: 'T-EVIL', response: { requestId: 'T-EVIL' } },
      }));
      const location = `http://user:pw@${other.host}/steal?token=x#frag`;
      const origin = await serve(() => ({ status, headers: { location } }));
      const { call } = clients[client](origin.url);
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ outcome: 'refused', status, locationOrigin: other.url });
      expect(origin.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(0);
      const printed = `${(error as Error).message} ${JSON.stringify(error)}`;
      for (const leak of ['/steal', 'token=x', 'user:pw', 'pw@', TOKEN, PASSWORD]) expect(printed).not.toContain(leak);
    },
  );
});

describe('three outcomes', () => {
  it.each(both)('%s: an HTML 200 is an unknown outcome with the ids, not "no answer"', async (client) => {
    const server = await serve(() => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      raw: '<html>ok</html>',
    }));
    const { call, ids } = clients[client](server.url);
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer', status: 200, ids });
  });

  it('zenlayer: truncated JSON in a 200 is an unknown outcome', async () => {
    const server = await serve(() => ({ status: 200, raw: '{"requestId":"T-1","respo' }));
    const error = await clients
      .zenlayer(server.url)
      .call()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OutcomeUnknownError', reason: 'unexpected-answer' });
  });

  it.each(both)('%s: a reset after the request was sent is an unknown outcome', async (client) => {
    const server = await serve(() => 'reset');
    const { call, ids } = clients[client](server.url);
    const error = await call().catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'connection-lost', ids });
  });

  it.each(both)('%s: a timeout after the body was sent is an unknown outcome', async (client) => {
    const server = await serve(() => 'hang');
    const { call, ids } = clients[client](server.url, { timeoutMs: 100 });
    const error = await call().catch((e: unknown) => e);
    if (client === 'zenlayer') expect(server.requests[0]!.json).toEqual({ diskId: 'disk-1' });
    expect(error).toMatchObject({ name: 'TimeoutError', outcome: 'unknown', reason: 'timeout', ids });
  });

  it.each(both)('%s: a refused connection is not-sent (nothing reached a server)', async (client) => {
    const server = await serve(() => 'hang');
    await server.close();
    const error = await clients[client](server.url)
      .call()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NetworkError', outcome: 'not-sent' });
  });
});

describe('response size', () => {
  it.each(both)('%s: a streamed 200 MB answer is cut off early, never buffered', async (client) => {
    const server = await startStreamingServer(200, 200 * 2 ** 20);
    servers.push(server);
    const rssBefore = process.memoryUsage().rss;
    const error = await clients[client](server.url)
      .call()
      .catch((e: unknown) => e);
    await server.finished;
    expect(error).toMatchObject({ name: 'OutcomeUnknownError', reason: 'response-too-large', status: 200 });
    // The server could write only what the socket buffers held once the client stopped reading.
    expect(server.written()).toBeLessThan(32 * 2 ** 20);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 2 ** 20);
  });

  it('an error answer over the limit is a refusal without a code that says so', async () => {
    const server = await startStreamingServer(500, 8 * 2 ** 20);
    servers.push(server);
    const error = await clients
      .zenlayer(server.url, { retry: false })
      .call()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZenlayerApiError);
    expect(error).toMatchObject({ outcome: 'refused', status: 500, code: undefined });
    expect((error as Error).message).toMatch(/response body over 1048576 bytes, not read/);
  });

  it.each(both)(
    '%s: maxResponseBytes is configurable, and a declared Content-Length is checked first',
    async (client) => {
      const body = 'x'.repeat(600);
      const server = await serve(() => ({ status: 409, raw: body, headers: { 'content-length': '600' } }));
      const error = await clients[client](server.url, { maxResponseBytes: 500 })
        .call()
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ outcome: 'refused', status: 409 });
      expect((error as Error).message).toMatch(/response body over 500 bytes, not read/);
      expect(() => clients[client](server.url, { maxResponseBytes: 0 })).toThrow(
        /maxResponseBytes must be an integer ≥ 1/,
      );
    },
  );
});

describe('credentials in a base URL', () => {
  it.each(both)('%s: are refused with a ValidationError that does not echo them', (client) => {
    for (const url of ['http://admin:hunter2@127.0.0.1:9', 'http://hunter2@127.0.0.1:9', 'http//admin:hunter2@x']) {
      const error = (() => {
        try {
          clients[client](url);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain('hunter2');
    }
  });
});
