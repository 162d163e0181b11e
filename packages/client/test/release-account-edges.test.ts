// The account releaseInstances gives at its edges: a stop or an abort in the middle of an
// ignoreMissing split, a refusal next to ids left unsent, a batch that is both refused and
// unknown, not-found answers without a request id, and errors that are none of the client's
// own. Each test reads the wire requests, the batch error or the progress a caller sees.
import { describe, expect, it } from 'vitest';
import { type BatchProgress, createZenlayerClient, type ZenlayerBatchError } from '../src/index.js';
import { accepted, type Reply, zenlayerError } from './support/capture-server.js';
import { serverPerTest } from './support/server-per-test.js';

const servers = serverPerTest();

const ids = (n: number) => Array.from({ length: n }, (_, i) => `i-${i}`);
const notFound = (requestId?: string): Reply => ({
  status: 404,
  body: { ...(requestId && { requestId }), code: 'INVALID_INSTANCE_NOT_FOUND', message: 'not found' },
});
const refused = () => zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED');

async function client(reply: (instanceIds: string[]) => Reply, extra: object = {}) {
  const server = await servers.start((r) => reply(r.json.instanceIds));
  const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false, ...extra });
  return { zc, sent: () => servers.server.requests.map((r) => r.json.instanceIds as string[]) };
}
const batchError = (p: Promise<unknown>) => p.catch((e: unknown) => e) as Promise<ZenlayerBatchError>;

describe('a stop during an ignoreMissing split', () => {
  it('sends no further single release: the rest are notSent, in the error and in the progress', async () => {
    const stop = new AbortController();
    const { zc, sent } = await client((batch) => {
      if (batch.length > 1) return notFound('T-batch');
      stop.abort(new Error('SIGTERM'));
      return accepted(`T-${batch[0]}`);
    });
    const seen: BatchProgress[] = [];
    const error = await batchError(
      zc.releaseInstances(['a', 'b', 'c'], {
        ignoreMissing: true,
        stopSignal: stop.signal,
        onBatch: (p) => seen.push(p),
      }),
    );
    expect(sent()).toEqual([['a', 'b', 'c'], ['a']]);
    expect(error.released).toEqual([{ ids: ['a'], requestId: 'T-a', alreadyGone: false }]);
    expect(error.notSent).toEqual(['b', 'c']);
    expect(error.outcome).toBe('not-sent');
    expect(error.message).toBe('ReleaseInstances: 2 instances not sent (b, c), stopped: SIGTERM.');
    expect(error.cause).toBe(stop.signal.reason);
    expect(seen).toEqual([
      {
        index: 0,
        total: 1,
        ids: ['a', 'b', 'c'],
        outcome: 'accepted',
        requestId: 'T-a',
        alreadyGone: false,
        notSent: ['b', 'c'],
      },
    ]);
  });
});

describe('one split batch with a refused and an unknown id', () => {
  it('reports the batch as unknown with the unknown error; the account keeps both apart', async () => {
    const { zc, sent } = await client((batch) =>
      batch.length > 1 ? notFound('T-batch') : batch[0] === 'a' ? refused() : 'reset',
    );
    const seen: BatchProgress[] = [];
    const error = await batchError(
      zc.releaseInstances(['a', 'b'], { ignoreMissing: true, onBatch: (p) => seen.push(p) }),
    );
    expect(sent()).toEqual([['a', 'b'], ['a'], ['b']]);
    expect(error.outcome).toBe('unknown');
    expect(error.failed.map((f) => [f.ids, f.error.code])).toEqual([[['a'], 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED']]);
    expect(error.unknown.map((u) => [u.ids, u.error.name, u.error.outcome])).toEqual([
      [['b'], 'OutcomeUnknownError', 'unknown'],
    ]);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ outcome: 'unknown', alreadyGone: false, requestId: undefined });
    expect(seen[0]!.error).toBe(error.unknown[0]!.error);
    expect(seen[0]).not.toHaveProperty('notSent');
  });

  it('a batch whose every id was refused is refused, and not already gone', async () => {
    const { zc } = await client((batch) => (batch.length > 1 ? notFound('T-batch') : refused()));
    const seen: BatchProgress[] = [];
    const error = await batchError(
      zc.releaseInstances(['a', 'b'], { ignoreMissing: true, onBatch: (p) => seen.push(p) }),
    );
    expect(error.failedIds).toEqual(['a', 'b']);
    expect(seen).toEqual([
      expect.objectContaining({
        outcome: 'refused',
        alreadyGone: false,
        requestId: undefined,
        error: error.failed[0]!.error,
      }),
    ]);
  });

  it('its message counts batches, not the one-id requests the batch was split into', async () => {
    // Three batches; the second is split id by id, two of its ids are refused, one is gone.
    const all = ids(201);
    const { zc, sent } = await client((batch) => {
      if (batch.length > 1) return batch.includes('i-150') ? notFound('T-batch') : accepted('T-ok');
      const id = batch[0]!;
      if (id === 'i-150') return notFound();
      if (id === 'i-200') return 'reset';
      return ['i-100', 'i-101', 'i-102'].includes(id) ? refused() : accepted(`T-${id}`);
    });
    const error = await batchError(zc.releaseInstances(all, { ignoreMissing: true, concurrency: 1 }));
    expect(sent()).toHaveLength(1 + 1 + 100 + 1);
    expect(error.failed.map((f) => [f.ids, f.batch])).toEqual([
      [['i-100'], 1],
      [['i-101'], 1],
      [['i-102'], 1],
    ]);
    expect(error.unknown.map((u) => [u.ids, u.batch])).toEqual([[['i-200'], 2]]);
    expect(error.message).toMatch(
      /^ReleaseInstances: 1 of 3 batches failed, 3 instances not released \(i-100, i-101, i-102\); 1 of 3 batches with an unknown outcome, 1 instance may have been released \(i-200\)\. /,
    );
  });
});

describe('not-found answers without a request id', () => {
  it('the progress names only the request ids there were', async () => {
    const { zc } = await client((batch) =>
      batch.length > 1 || batch[0] === 'gone' ? notFound() : accepted(`T-${batch[0]}`),
    );
    const seen: BatchProgress[] = [];
    const result = await zc.releaseInstances(['a', 'gone'], { ignoreMissing: true, onBatch: (p) => seen.push(p) });
    expect(result.batches).toEqual([
      { ids: ['a'], requestId: 'T-a', alreadyGone: false },
      { ids: ['gone'], requestId: undefined, alreadyGone: true },
    ]);
    expect(seen).toEqual([
      { index: 0, total: 1, ids: ['a', 'gone'], outcome: 'accepted', requestId: 'T-a', alreadyGone: false },
    ]);
  });

  it('a batch whose every id was gone has no request id, and is already gone', async () => {
    const { zc } = await client(() => notFound());
    const seen: BatchProgress[] = [];
    await zc.releaseInstances(['a', 'b'], { ignoreMissing: true, onBatch: (p) => seen.push(p) });
    expect(seen).toEqual([
      { index: 0, total: 1, ids: ['a', 'b'], outcome: 'accepted', requestId: undefined, alreadyGone: true },
    ]);
  });
});

describe('a refusal next to ids left unsent', () => {
  it('lists both, the outcome is refused, and the stop reason is the cause', async () => {
    const stop = new AbortController();
    const all = ids(200);
    const { zc, sent } = await client(() => refused());
    const error = await batchError(
      zc.releaseInstances(all, {
        concurrency: 1,
        stopSignal: stop.signal,
        onBatch: () => stop.abort(new Error('SIGINT')),
      }),
    );
    expect(sent()).toEqual([all.slice(0, 100)]);
    expect(error.failedIds).toEqual(all.slice(0, 100));
    expect(error.notSent).toEqual(all.slice(100));
    expect(error.outcome).toBe('refused');
    expect(error.cause).toBe(stop.signal.reason);
    expect(error.message).toMatch(
      /^ReleaseInstances: 1 of 2 batches failed, 100 instances not released \(i-0, i-1 … i-99 \(100 ids\)\); 100 instances not sent \(i-100, i-101 … i-199 \(100 ids\)\), stopped: SIGINT\. /,
    );
  });

  it('a stop after the last batch started leaves nothing unsent: no stop reason in the account', async () => {
    const stop = new AbortController();
    const { zc, sent } = await client(() => refused());
    const error = await batchError(
      zc.releaseInstances(ids(100), { stopSignal: stop.signal, onBatchStart: () => stop.abort(new Error('SIGINT')) }),
    );
    expect(sent()).toHaveLength(1);
    expect(error.notSent).toEqual([]);
    expect(error.cause).toBeUndefined();
    expect(error.message).not.toContain('SIGINT');
  });

  it('when both the stop and the abort signal fired, the abort is the reason given', async () => {
    const stop = new AbortController();
    const abort = new AbortController();
    const { zc } = await client(() => accepted());
    const error = await batchError(
      zc.releaseInstances(ids(200), {
        concurrency: 1,
        stopSignal: stop.signal,
        signal: abort.signal,
        onBatch: () => {
          stop.abort(new Error('first SIGINT'));
          abort.abort(new Error('second SIGINT'));
        },
      }),
    );
    expect(error.notSent).toEqual(ids(200).slice(100));
    expect(error.cause).toBe(abort.signal.reason);
    expect(error.message).toBe(
      'ReleaseInstances: 100 instances not sent (i-100, i-101 … i-199 (100 ids)), stopped: second SIGINT.',
    );
  });
  it('a stop whose reason is not an Error: stopped, without a reason, and the reason is still the cause', async () => {
    const stop = new AbortController();
    const { zc } = await client(() => accepted());
    const error = await batchError(
      zc.releaseInstances(ids(200), { concurrency: 1, stopSignal: stop.signal, onBatch: () => stop.abort('SIGINT') }),
    );
    expect(error.message).toBe('ReleaseInstances: 100 instances not sent (i-100, i-101 … i-199 (100 ids)), stopped.');
    expect(error.cause).toBe('SIGINT');
  });
});

describe('an abort before a batch reaches the wire', () => {
  it('an abort from onBatchStart: that batch is never sent, and is notSent, not unknown', async () => {
    const abort = new AbortController();
    const { zc, sent } = await client(() => accepted());
    const error = await batchError(
      zc.releaseInstances(['a', 'b'], {
        signal: abort.signal,
        onBatchStart: () => abort.abort(new Error('operator stopped')),
      }),
    );
    expect(sent()).toEqual([]);
    expect(error.unknown).toEqual([]);
    expect(error.notSent).toEqual(['a', 'b']);
    expect(error.outcome).toBe('not-sent');
    expect(error.message).toBe('ReleaseInstances: 2 instances not sent (a, b), stopped: operator stopped.');
  });
});

describe('errors that are none of the client’s own', () => {
  const brokenSleep = (thrown: unknown) => ({
    retry: {
      sleep: async () => {
        throw thrown;
      },
    },
  });

  it('one id: the unknown outcome names the instance', async () => {
    const { zc } = await client(
      () => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'),
      brokenSleep(new Error('sleep broke')),
    );
    const error = await batchError(zc.releaseInstances(['i-1']));
    expect(error.unknown.map((u) => [u.ids, u.error.name, u.error.message])).toEqual([
      [['i-1'], 'OutcomeUnknownError', 'ReleaseInstances instance i-1: sleep broke; the outcome is unknown'],
    ]);
    expect(error.unknown[0]!.error).toMatchObject({
      operation: 'ReleaseInstances',
      ids: ['i-1'],
      reason: 'connection-lost',
      outcome: 'unknown',
      cause: expect.objectContaining({ message: 'sleep broke' }),
    });
  });

  it('a thrown value that is no Error, with ignoreMissing: still an account, never a lost run', async () => {
    const { zc } = await client(() => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'), brokenSleep(undefined));
    const error = await batchError(zc.releaseInstances(['a', 'b'], { ignoreMissing: true }));
    expect(error.name).toBe('ZenlayerBatchError');
    expect(error.unknown.map((u) => [u.ids, u.error.message])).toEqual([
      [['a', 'b'], 'ReleaseInstances 2 instances: undefined; the outcome is unknown'],
    ]);
  });
});

describe('per-call options', () => {
  it('a bad per-call concurrency is refused naming it, and nothing is sent', async () => {
    const { zc, sent } = await client(() => accepted());
    const error = await zc.releaseInstances(['a'], { concurrency: 0 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', field: 'concurrency', limit: 'an integer ≥ 1' });
    expect((error as Error).message).toBe('concurrency must be an integer ≥ 1 (got 0)');
    expect(sent()).toEqual([]);
  });

  it('a truthy ignoreMissing that is not `true` (from JavaScript) is ignoreMissing, batch and single alike', async () => {
    const { zc, sent } = await client(() => notFound('T-gone'));
    const result = await zc.releaseInstances(['a', 'b'], { ignoreMissing: 1 as unknown as boolean });
    expect(sent()).toEqual([['a', 'b'], ['a'], ['b']]);
    expect(result.batches).toEqual([
      { ids: ['a'], requestId: 'T-gone', alreadyGone: true },
      { ids: ['b'], requestId: 'T-gone', alreadyGone: true },
    ]);
  });
});
