// Answers are read within maxResponseBytes, counted in decoded bytes: an answer that is a few
// hundred bytes on the wire, with a Content-Length that fits, but inflates to hundreds of MiB
// (Content-Encoding gzip, gzip; a single gzip; br; deflate) is cut off at the limit, and a
// declared length over it is refused without waiting for the body. A release answered that way
// has an unknown outcome (it was sent); an error answer is a refusal that says so; a read fails
// the same way. What is buffered stays near the limit; exactly the limit is read whole.
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  OutcomeUnknownError,
  RedirectError,
  ZenlayerApiError,
  ZenlayerBatchError,
} from '../src/index.js';
import { answeredClient, streamed } from './support/answered-client.js';
import { type BombServer, type Coding, compressionBomb, startBombServer } from './support/bomb-server.js';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';
import { neutronAt, zenlayerAt } from './support/clients-at.js';
import { messages } from './support/messages.js';
import { both, releaseCall, serversPerTest } from './support/release-call.js';
import { serverPerTest } from './support/server-per-test.js';
import { type StallingServer, startStallingServer } from './support/stalling-server.js';
import { startStreamingServer } from './support/streaming-server.js';

const MiB = 2 ** 20;
const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
// Valid JSON whatever its padding: accepted as is, had the client read it all.
const ACCEPTED = JSON.stringify({ requestId: 'T-1', response: { requestId: 'T-1' } });
const DESCRIBED = JSON.stringify({ requestId: 'T-2', response: { requestId: 'T-2', totalCount: 0, dataSet: [] } });
const PORTS = JSON.stringify({ ports: [] });

let server: BombServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const tooLarge = (operation: string, ids: string[]) => ({
  name: 'OutcomeUnknownError',
  outcome: 'unknown',
  reason: 'response-too-large',
  status: 200,
  operation,
  ids,
});

describe('gzip, gzip: 300 MiB of JSON in under a kilobyte on the wire', () => {
  const codings: Coding[] = ['gzip', 'gzip'];
  let accepted: Buffer;
  beforeAll(async () => {
    accepted = await compressionBomb(ACCEPTED, 300 * MiB, codings);
  });

  it('is small on the wire, with a Content-Length under the limit', () => {
    expect(accepted.length).toBeLessThan(1024);
  });

  it('ReleaseDisk: an unknown outcome, too large to read, never "accepted"', async () => {
    server = await startBombServer(200, accepted, codings);
    const error = await zenlayerAt(server.url)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject(tooLarge('ReleaseDisk', ['disk-1']));
  });

  it('DestroyPort: an unknown outcome, too large to read', async () => {
    server = await startBombServer(200, accepted, codings);
    const error = await zenlayerAt(server.url)
      .destroyPort('p-1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject(tooLarge('DestroyPort', ['p-1']));
  });

  it('ReleaseInstances: the batch is unknown, not released', async () => {
    server = await startBombServer(200, accepted, codings);
    const error = await zenlayerAt(server.url)
      .releaseInstances(['i-1', 'i-2'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZenlayerBatchError);
    expect(error).toMatchObject({ released: [], failed: [], unknown: [{ ids: ['i-1', 'i-2'] }] });
    expect((error as ZenlayerBatchError).unknown[0]!.error).toMatchObject(tooLarge('ReleaseInstances', ['i-1', 'i-2']));
  });

  it('Neutron DELETE: a 200 bomb is an unknown outcome, too large to read', async () => {
    server = await startBombServer(200, accepted, codings);
    const error = await neutronAt(server.url)
      .deletePort(PORT)
      .catch((e: unknown) => e);
    expect(error).toMatchObject(tooLarge('DeletePort', [PORT]));
  });

  it('never hands the client much more than maxResponseBytes, and memory stays far below the bomb', async () => {
    server = await startBombServer(200, accepted, codings);
    // What fetch decoded and handed on, counted as the client reads it.
    let delivered = 0;
    const counting: typeof globalThis.fetch = async (input, init) => {
      const response = await fetch(input, init);
      const counted = response.body!.pipeThrough(
        new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            delivered += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
      );
      return new Response(counted, { status: response.status, headers: response.headers });
    };
    const zc = zenlayerAt(server.url, { fetch: counting });
    // A first call loads fetch's own machinery, which is not what is measured.
    await zc.releaseDisk('disk-0').catch(() => {});
    delivered = 0;
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    try {
      const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
      expect(error).toMatchObject({ reason: 'response-too-large' });
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    // One decoded chunk past the limit at most (zlib hands on 16-64 KiB at a time).
    expect(delivered).toBeGreaterThan(DEFAULT_MAX_RESPONSE_BYTES);
    expect(delivered).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES + 256 * 1024);
    // 300 MiB decoded, had it been read; a few MiB of buffers and GC slack here.
    expect(peak - before).toBeLessThan(64 * MiB);
  });
});

describe('a single gzip: 200 MB in about 200 KB', () => {
  let described: Buffer;
  let ports: Buffer;
  beforeAll(async () => {
    [described, ports] = await Promise.all([
      compressionBomb(DESCRIBED, 200e6, ['gzip']),
      compressionBomb(PORTS, 200e6, ['gzip']),
    ]);
  });

  it('describeInstances fails too large to read, never resolves', async () => {
    server = await startBombServer(200, described, ['gzip']);
    const error = await zenlayerAt(server.url)
      .describeInstances(['i-1'])
      .catch((e: unknown) => e);
    expect(error).toMatchObject(tooLarge('DescribeInstances', ['i-1']));
  });

  it('Neutron listPorts and getPort fail too large to read', async () => {
    server = await startBombServer(200, ports, ['gzip']);
    const ne = neutronAt(server.url);
    await expect(ne.listPorts({ name: 'web' })).rejects.toMatchObject(tooLarge('ListPorts', []));
    await expect(ne.getPort(PORT)).rejects.toMatchObject(tooLarge('ShowPort', [PORT]));
  });
});

describe('the other codings fetch decodes', () => {
  it.each([['br'], ['deflate']] as const)('%s: 64 MiB behind a small Content-Length is too large', async (coding) => {
    const bomb = await compressionBomb(ACCEPTED, 64 * MiB, [coding]);
    expect(bomb.length).toBeLessThan(DEFAULT_MAX_RESPONSE_BYTES);
    server = await startBombServer(200, bomb, [coding]);
    const error = await zenlayerAt(server.url)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject(tooLarge('ReleaseDisk', ['disk-1']));
  });

  it('a coded answer longer on the wire than the limit, but not decoded, is read whole', async () => {
    // gzip at level 0 stores the bytes: the wire carries them plus a few of framing.
    const stored = gzipSync(ACCEPTED, { level: 0 });
    expect(stored.length).toBeGreaterThan(ACCEPTED.length);
    server = await startBombServer(200, stored, ['gzip']);
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, maxResponseBytes: ACCEPTED.length });
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
  });

  it('a compressed answer that decodes within the limit is read whole', async () => {
    const bomb = await compressionBomb(ACCEPTED, 512 * 1024, ['gzip', 'gzip']);
    server = await startBombServer(200, bomb, ['gzip', 'gzip']);
    await expect(zenlayerAt(server.url).releaseDisk('disk-1')).resolves.toEqual({
      requestId: 'T-1',
      alreadyGone: false,
    });
  });
});

describe('an oversized 2xx: the message names the call and the status', () => {
  const perTest = serverPerTest();

  it.each([
    [
      'Zenlayer',
      (url: string) => zenlayerAt(url, { maxResponseBytes: 8 }).releaseDisk('disk-1'),
      'ReleaseDisk disk disk-1',
    ],
    ['Neutron', (url: string) => neutronAt(url, { maxResponseBytes: 8 }).deletePort(PORT), `DeletePort port ${PORT}`],
  ])('%s', async (_, call, named) => {
    const server = await perTest.answer({ status: 202, raw: 'x'.repeat(64) });
    const error = await call(server.url).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OutcomeUnknownError', reason: 'response-too-large', status: 202 });
    expect((error as Error).message).toBe(messages.tooLarge(named, 202));
  });
});

describe('response size', () => {
  const { servers, serve } = serversPerTest();
  const clients = releaseCall;

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
    expect((error as Error).message).toContain(messages.bodyTooLarge(1048576));
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
      expect((error as Error).message).toContain(messages.bodyTooLarge(500));
      expect(() => clients[client](server.url, { maxResponseBytes: 0 })).toThrow(
        /maxResponseBytes must be an integer ≥ 1/,
      );
    },
  );
});

describe('the bound at its edges: declared lengths, redirects, null-body statuses', () => {
  const ENVELOPE = JSON.stringify({ requestId: 'T-1', response: { requestId: 'T-1' } });

  // A call that waited for a body that never ends would run into this and fail as 'timeout', not
  // 'response-too-large'; long enough that a loaded machine's prompt answer never does.
  const TIMEOUT_MS = 10_000;

  let server: CaptureServer | StallingServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const timed = (baseUrl: string, extra: object = {}) => zenlayerAt(baseUrl, { timeoutMs: TIMEOUT_MS, ...extra });

  describe('a body that is never finished', () => {
    it('declaring more than maxResponseBytes: an unknown outcome at once, without waiting for the body', async () => {
      server = await startStallingServer(200, { 'content-type': 'application/json', 'content-length': '5000000' });
      const error = await timed(server.url)
        .releaseDisk('disk-1')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      // The body never ends: a call that waited for it could only end by its timeout, as 'timeout'.
      expect(error).toMatchObject({ reason: 'response-too-large', status: 200 });
    });

    // Content-Encoding names are case-insensitive and may carry spaces (RFC 9110 §8.4.1).
    it.each(['identity', 'IDENTITY', ' Identity '])(
      'declaring more than maxResponseBytes under Content-Encoding %j: an unknown outcome at once',
      async (coding) => {
        server = await startStallingServer(200, {
          'content-type': 'application/json',
          'content-length': '5000000',
          'content-encoding': coding,
        });
        const error = await timed(server.url)
          .releaseDisk('disk-1')
          .catch((e: unknown) => e);
        expect(error).toMatchObject({ name: 'OutcomeUnknownError', reason: 'response-too-large', status: 200 });
      },
    );

    it.each([
      ['declaring a length', { 'content-length': '5000000' }],
      ['without a length', {}],
    ])('a redirect %s: refused at once, its body not waited for', async (_, headers) => {
      server = await startStallingServer(302, { location: 'http://elsewhere.test/', ...headers });
      const error = await timed(server.url)
        .releaseDisk('disk-1')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ status: 302, locationOrigin: 'http://elsewhere.test' });
    });
  });

  describe('a declared Content-Length at the limit', () => {
    it('of exactly maxResponseBytes is read whole', async () => {
      server = await startCaptureServer(() => ({
        status: 200,
        raw: ENVELOPE,
        headers: { 'content-type': 'application/json', 'content-length': String(ENVELOPE.length) },
      }));
      const zc = timed(server.url, { maxResponseBytes: ENVELOPE.length });
      await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
    });

    it('one byte over is too large to read, and the message names the limit', async () => {
      server = await startCaptureServer(() => ({
        status: 409,
        raw: ENVELOPE,
        headers: { 'content-type': 'application/json', 'content-length': String(ENVELOPE.length) },
      }));
      const error = await timed(server.url, { maxResponseBytes: ENVELOPE.length - 1 })
        .releaseDisk('disk-1')
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ZenlayerApiError', outcome: 'refused', status: 409 });
      expect((error as Error).message).toContain(messages.bodyTooLarge(ENVELOPE.length - 1));
    });
  });

  describe('a Content-Length that is not only digits does not lift the limit', () => {
    // Another runtime's fetch may hand such a header on; the body is then read with the bound.
    it.each(['x5', '5x', '', '-5'])('%j', async (length) => {
      const zc = createZenlayerClient({
        bearerToken: 't',
        baseUrl: 'http://zenlayer.test',
        retry: false,
        maxResponseBytes: 10,
        fetch: async () =>
          new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new TextEncoder().encode(ENVELOPE));
                controller.close();
              },
            }),
            { status: 200, headers: { 'content-type': 'application/json', 'content-length': length } },
          ),
      });
      await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({ reason: 'response-too-large' });
    });
  });

  it('a character split between two chunks of the body is read whole', async () => {
    const body = new TextEncoder().encode(
      JSON.stringify({ requestId: 'T-1', code: 'INVALID_PARAMETER', message: 'disque « é » refusé' }),
    );
    const cut = body.indexOf(0xa9); // inside "é" (0xc3 0xa9): the first chunk ends after 0xc3
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: 'http://zenlayer.test',
      retry: false,
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(body.slice(0, cut));
              controller.enqueue(body.slice(cut));
              controller.close();
            },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
    });
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({
      name: 'ZenlayerApiError',
      code: 'INVALID_PARAMETER',
      apiMessage: 'disque « é » refusé',
    });
  });

  describe('an oversized answer keeps only the headers it had', () => {
    it('a Neutron error without X-Openstack-Request-Id has no request id', async () => {
      server = await startCaptureServer(() => ({ status: 409, raw: 'y'.repeat(64) }));
      const ne = createNeutronClient({ baseUrl: server.url, token: 'tok', maxResponseBytes: 16 });
      const error = await ne.deletePort(PORT).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'NeutronApiError', status: 409, outcome: 'refused', requestId: undefined });
      expect((error as Error).message).not.toContain('null');
    });
  });

  describe('the edges of what is read and what is refused', () => {
    const stubbed = (response: () => Response) =>
      createZenlayerClient({
        bearerToken: 't',
        baseUrl: 'http://zenlayer.test',
        retry: false,
        fetch: async () => response(),
      });

    it('a small answer whose Content-Length only starts with digits is read with the bound, and whole', async () => {
      const zc = stubbed(
        () =>
          new Response(ENVELOPE, {
            status: 200,
            headers: { 'content-type': 'application/json', 'content-length': '5x' },
          }),
      );
      await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
    });

    it('a 400 is a refusal with its code, not a redirect', async () => {
      const zc = stubbed(
        () =>
          new Response(JSON.stringify({ requestId: 'T-400', code: 'INVALID_PARAMETER', message: 'bad' }), {
            status: 400,
          }),
      );
      await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({
        name: 'ZenlayerApiError',
        outcome: 'refused',
        status: 400,
        code: 'INVALID_PARAMETER',
      });
    });
  });

  describe('an answer with a null-body status', () => {
    it('a 204 whose body is an empty stream, not null (as Chromium gives it), is passed on: the port is deleted', async () => {
      // Node's fetch gives a 204 a null body; Chromium an empty one, which cannot be rebuilt
      // into a Response with that status.
      const chromium204 = () => {
        const response = new Response('', { status: 200 });
        Object.defineProperty(response, 'status', { value: 204 });
        return response;
      };
      const ne = createNeutronClient({
        baseUrl: 'http://neutron.test',
        token: 'tok',
        fetch: async () => chromium204(),
      });
      await expect(ne.deletePort(PORT)).resolves.toMatchObject({ alreadyGone: false });
    });
  });
});

describe('the size limit, streamed and declared', () => {
  const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

  const ENVELOPE = JSON.stringify({ requestId: 'T-1', response: { requestId: 'T-1' } });

  let server: CaptureServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const zenlayer = answeredClient;

  it('an answer of exactly maxResponseBytes, in several chunks, is read whole', async () => {
    const half = Math.floor(ENVELOPE.length / 2);
    const { zc } = zenlayer(() => streamed([ENVELOPE.slice(0, half), ENVELOPE.slice(half)]), {
      maxResponseBytes: ENVELOPE.length,
    });
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
  });

  it('one byte over, streamed, is an unknown outcome: too large to read', async () => {
    const { zc } = zenlayer(() => streamed([ENVELOPE, ' ']), { maxResponseBytes: ENVELOPE.length });
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ reason: 'response-too-large', status: 200 });
  });

  it('a declared Content-Length of exactly the limit is read', async () => {
    server = await startCaptureServer(() => ({
      status: 200,
      raw: ENVELOPE,
      headers: { 'content-type': 'application/json' },
    }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, maxResponseBytes: ENVELOPE.length });
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
  });

  it('a Content-Length that is not a number does not lift the limit', async () => {
    const { zc } = zenlayer(() => streamed([ENVELOPE], { headers: { 'content-length': '5x' } }), {
      maxResponseBytes: 10,
    });
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({ reason: 'response-too-large' });
  });

  it("an oversized 429 keeps its Retry-After, so the wait is the server's", async () => {
    let calls = 0;
    const { zc, delays } = zenlayer(
      () =>
        calls++ === 0
          ? streamed(['x'.repeat(ENVELOPE.length + 1)], { status: 429, headers: { 'retry-after': '7' } })
          : streamed([ENVELOPE]),
      { maxResponseBytes: ENVELOPE.length },
    );
    await expect(zc.releaseDisk('disk-1')).resolves.toMatchObject({ requestId: 'T-1' });
    expect(delays).toEqual([7000]);
  });

  it('an oversized Neutron error keeps X-Openstack-Request-Id for the report', async () => {
    const ne = createNeutronClient({
      baseUrl: 'http://neutron.test',
      token: 'tok',
      maxResponseBytes: 16,
      fetch: async () => streamed(['y'.repeat(64)], { status: 409, headers: { 'x-openstack-request-id': 'req-1' } }),
    });
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({ status: 409, requestId: 'req-1', outcome: 'refused' });
  });
});
