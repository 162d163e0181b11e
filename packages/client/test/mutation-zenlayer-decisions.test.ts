// What decides whether the Zenlayer client sends a release again, and how each batch is
// accounted for: retryable answers, the accepted envelope, ignoreMissing on one id only, and
// the progress each batch reports (issue 15: survivors in zenlayer/client.ts and
// zenlayer/release-instances.ts). Each test reads the wire requests or the reported account.
import { afterEach, describe, expect, it } from 'vitest';
import {
  type BatchProgress,
  createZenlayerClient,
  OutcomeUnknownError,
  type ZenlayerBatchError,
} from '../src/index.js';
import {
  accepted,
  type CaptureServer,
  type Reply,
  startCaptureServer,
  zenlayerError,
} from './support/capture-server.js';

let server: CaptureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(reply: (body: { instanceIds?: string[] }, i: number) => Reply) {
  server = await startCaptureServer((r, i) => reply(r.json ?? {}, i));
  const delays: number[] = [];
  const zc = createZenlayerClient({
    bearerToken: 't',
    baseUrl: server.url,
    retry: { random: () => 0, sleep: async (ms: number) => void delays.push(ms) },
  });
  return { zc, delays, sent: () => server!.requests.length };
}

describe('the accepted envelope', () => {
  it.each([
    ['an empty object', {}],
    ['an empty requestId', { requestId: '' }],
    ['a numeric requestId', { requestId: 7 }],
    ['null', null],
  ])('a 200 with %s is an unknown outcome, not a release', async (_, body) => {
    const { zc } = await client(() => ({ status: 200, raw: JSON.stringify(body) }));
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer', ids: ['disk-1'], status: 200 });
  });
});

describe('releaseInstances account', () => {
  it('ignoreMissing on a one-id batch: a not-found id is already gone, without a split', async () => {
    const { zc, sent } = await client(() => zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND'));
    const seen: BatchProgress[] = [];
    const result = await zc.releaseInstances(['i-1'], { ignoreMissing: true, onBatch: (p) => seen.push(p) });
    expect(sent()).toBe(1);
    expect(result.batches).toEqual([expect.objectContaining({ ids: ['i-1'], alreadyGone: true })]);
    expect(seen).toEqual([expect.objectContaining({ outcome: 'accepted', alreadyGone: true })]);
    expect(seen[0]).not.toHaveProperty('notSent');
    expect(seen[0]).not.toHaveProperty('error');
  });

  it('a split batch reports each id, alreadyGone only when every id was gone, request ids once each', async () => {
    const { zc } = await client((body) =>
      body.instanceIds!.length > 1
        ? zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND')
        : body.instanceIds![0] === 'gone'
          ? zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND')
          : accepted('T-same'),
    );
    const seen: BatchProgress[] = [];
    await zc.releaseInstances(['i-1', 'gone', 'i-2'], { ignoreMissing: true, onBatch: (p) => seen.push(p) });
    expect(server!.requests.map((r) => r.json.instanceIds)).toEqual([
      ['i-1', 'gone', 'i-2'],
      ['i-1'],
      ['gone'],
      ['i-2'],
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({
      outcome: 'accepted',
      alreadyGone: false,
      requestId: 'T-same, T-INVALID_INSTANCE_NOT_FOUND',
    });
  });

  it('a refused one-id batch names the instance, and a refused batch reports its error', async () => {
    const { zc } = await client(() => zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED'));
    const seen: BatchProgress[] = [];
    const error = (await zc
      .releaseInstances(['i-1'], { onBatch: (p) => seen.push(p) })
      .catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(seen).toEqual([expect.objectContaining({ outcome: 'refused', ids: ['i-1'] })]);
    expect(seen[0]!.error).toMatchObject({ code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED' });
    expect(error.failedIds).toEqual(['i-1']);
    expect(error.message).toContain('i-1');
  });

  it('a fetch that throws something not ours leaves the batch unknown, naming the ids', async () => {
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: 'http://zenlayer.test',
      fetch: async () => {
        throw new RangeError('boom');
      },
    });
    const error = (await zc.releaseInstances(['i-1', 'i-2']).catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(error.outcome).toBe('unknown');
    expect(error.unknown).toEqual([expect.objectContaining({ ids: ['i-1', 'i-2'] })]);
    expect(error.unknown[0]!.error.message).toContain('boom');
  });
});
