// The size limit counts decoded bytes: an answer that is a few hundred bytes on the wire, with a
// Content-Length that fits, but inflates to hundreds of MiB (Content-Encoding gzip, gzip; a
// single gzip; br; deflate) is cut off at maxResponseBytes. A release answered that way has an
// unknown outcome (it was sent); a read fails the same way. What is buffered stays near the limit.
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  DEFAULT_MAX_RESPONSE_BYTES,
  OutcomeUnknownError,
  ZenlayerBatchError,
} from '../src/index.js';
import { type BombServer, type Coding, compressionBomb, startBombServer } from './support/bomb-server.js';

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

const zenlayerAt = (baseUrl: string, fetch?: typeof globalThis.fetch) =>
  createZenlayerClient({ bearerToken: 't', baseUrl, retry: false, ...(fetch && { fetch }) });
const neutronAt = (baseUrl: string) => createNeutronClient({ baseUrl, token: 'tok' });

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
    const zc = zenlayerAt(server.url, counting);
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
