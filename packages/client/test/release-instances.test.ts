// releaseInstances: ids de-duplicated and cut into batches of 100, sent with bounded
// concurrency, each batch announced before it is sent and reported when it ends, and an account
// of every id — released, refused, unknown or never sent — when the run is stopped, aborted,
// partly refused or split to learn which ids are gone (ignoreMissing). Each test reads the
// wire requests, the batch error or the progress a caller sees.
import { afterEach, describe, expect, it } from 'vitest';
import { type BatchProgress, createZenlayerClient, ZenlayerApiError, ZenlayerBatchError } from '../src/index.js';
import {
  accepted,
  type CaptureServer,
  type Reply,
  receivedAtLeast,
  startCaptureServer,
  zenlayerError,
} from './support/capture-server.js';
import { clientPerTest } from './support/client-per-test.js';
import { messages } from './support/messages.js';
import { scriptedZenlayerClient } from './support/scripted-client.js';
import { serverPerTest } from './support/server-per-test.js';
import { signedClientSetup } from './support/signed-client.js';

let server: CaptureServer;
afterEach(async () => server?.close());
const ids = Array.from({ length: 400 }, (_, i) => `i-${i}`);
/** Which batch a request is: its first id is i-0, i-100, i-200… */
const batchOf = (r: { json: { instanceIds: string[] } }) => Number(r.json.instanceIds[0]!.slice(2)) / 100;

async function setup(reply: (r: { json: { instanceIds: string[] } }) => Reply, timeoutMs = 60_000) {
  server = await startCaptureServer(reply);
  return createZenlayerClient({ bearerToken: 't', baseUrl: server.url, timeoutMs, retry: false });
}

describe('releaseInstances account', () => {
  it('announces each batch before the server sees it, and reports its outcome after', async () => {
    const zc = await setup((r) =>
      batchOf(r) === 1 ? zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED') : accepted(),
    );
    const events: string[] = [];
    await zc
      .releaseInstances(ids, {
        concurrency: 1,
        onBatchStart: (b) => events.push(`start ${b.index}/${b.total} seen=${server.requests.length}`),
        onBatch: (p) => events.push(`end ${p.index} ${p.outcome} seen=${server.requests.length}`),
      })
      .catch(() => undefined);
    expect(events).toEqual([
      'start 0/4 seen=0',
      'end 0 accepted seen=1',
      'start 1/4 seen=1',
      'end 1 refused seen=2',
      'start 2/4 seen=2',
      'end 2 accepted seen=3',
      'start 3/4 seen=3',
      'end 3 accepted seen=4',
    ]);
  });

  it('lists released, refused, unknown (timeout, reset, HTML) batches apart', async () => {
    const replies: Reply[] = [
      accepted('T-0'),
      zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED'),
      'hang',
      { status: 200, raw: '<html></html>' },
    ];
    // Long enough for every batch to reach the server on a loaded machine: the hang must be the only reason it ends.
    const zc = await setup((r) => replies[batchOf(r)]!, 2_000);
    const seen: BatchProgress[] = [];
    const error = (await zc
      .releaseInstances(ids, { onBatch: (p) => seen.push(p) })
      .catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(error.outcome).toBe('unknown');
    expect(error.released).toEqual([{ ids: ids.slice(0, 100), requestId: 'T-0', alreadyGone: false }]);
    expect(error.failed.map((f) => [f.ids, f.error.code])).toEqual([
      [ids.slice(100, 200), 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED'],
    ]);
    expect(error.unknown.map((f) => [f.ids, f.error.name])).toEqual([
      [ids.slice(200, 300), 'TimeoutError'],
      [ids.slice(300), 'OutcomeUnknownError'],
    ]);
    expect(error.notSent).toEqual([]);
    expect(seen.sort((a, b) => a.index - b.index).map((p) => p.outcome)).toEqual([
      'accepted',
      'refused',
      'unknown',
      'unknown',
    ]);
  });

  it('stopSignal: no new batch starts, the batch in flight finishes, the rest are notSent', async () => {
    const stop = new AbortController();
    const zc = await setup(() => ({ ...accepted('T-late'), delayMs: 100 }));
    const error = (await zc
      .releaseInstances(ids, {
        concurrency: 2,
        stopSignal: stop.signal,
        onBatchStart: (b) => b.index === 1 && setTimeout(() => stop.abort(new Error('SIGINT')), 20),
      })
      .catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(error.name).toBe('ZenlayerBatchError');
    expect(error.released.map((b) => [b.ids[0], b.requestId])).toEqual([
      ['i-0', 'T-late'],
      ['i-100', 'T-late'],
    ]);
    expect(error.notSent).toEqual(ids.slice(200));
    expect(error.outcome).toBe('not-sent');
    expect(error.message).toContain(messages.batchNotSent('200 instances', 'i-200, i-201 … i-399 (200 ids)', 'SIGINT'));
    expect(server.requests).toHaveLength(2);
  });

  it('signal: batches in flight become unknown, and nothing more is sent', async () => {
    const abort = new AbortController();
    const zc = await setup(() => 'hang');
    const pending = zc.releaseInstances(ids, { concurrency: 2, signal: abort.signal });
    await receivedAtLeast(server, 2);
    abort.abort(new Error('second SIGINT'));
    const error = (await pending.catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(error.unknown.map((u) => [u.ids[0], u.error.outcome])).toEqual([
      ['i-0', 'unknown'],
      ['i-100', 'unknown'],
    ]);
    expect(error.notSent).toEqual(ids.slice(200));
    expect(server.requests).toHaveLength(2);
  });

  it('an onBatchStart that throws stops the run before that batch is sent', async () => {
    const zc = await setup(() => accepted());
    const error = (await zc
      .releaseInstances(ids, {
        concurrency: 1,
        onBatchStart: (b) => {
          if (b.index === 1) throw new Error('journal disk full');
        },
      })
      .catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(server.requests).toHaveLength(1);
    expect(error.notSent).toEqual(ids.slice(100));
    expect(error.cause).toMatchObject({ message: 'journal disk full' });
  });

  it('an error that is none of the client’s own still leaves an account (as unknown), never a lost run', async () => {
    server = await startCaptureServer(() => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'));
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: server.url,
      retry: {
        sleep: async () => {
          throw new Error('sleep broke');
        },
      },
    });
    const error = (await zc.releaseInstances(ids.slice(0, 150)).catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(error.unknown.map((u) => [u.ids.length, u.error.name, u.error.message])).toEqual([
      [100, 'OutcomeUnknownError', 'ReleaseInstances 100 instances: sleep broke; the outcome is unknown'],
      [50, 'OutcomeUnknownError', 'ReleaseInstances 50 instances: sleep broke; the outcome is unknown'],
    ]);
  });
});

const servers = serverPerTest();

const idsOf = (n: number) => Array.from({ length: n }, (_, i) => `i-${i}`);
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
    expect(error.message).toBe(messages.batch([messages.batchNotSent('2 instances', 'b, c', 'SIGTERM')]));
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
    const all = idsOf(201);
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
    expect(error.message).toContain(
      `${messages.batchFailed('1 of 3 batches', '3 instances', 'i-100, i-101, i-102')}; ${messages.batchUnknown('1 of 3 batches', '1 instance', 'i-200')}. `,
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
    const all = idsOf(200);
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
    expect(error.message).toContain(
      `${messages.batchFailed('1 of 2 batches', '100 instances', 'i-0, i-1 … i-99 (100 ids)')}; ${messages.batchNotSent('100 instances', 'i-100, i-101 … i-199 (100 ids)', 'SIGINT')}. `,
    );
  });

  it('a stop after the last batch started leaves nothing unsent: no stop reason in the account', async () => {
    const stop = new AbortController();
    const { zc, sent } = await client(() => refused());
    const error = await batchError(
      zc.releaseInstances(idsOf(100), { stopSignal: stop.signal, onBatchStart: () => stop.abort(new Error('SIGINT')) }),
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
      zc.releaseInstances(idsOf(200), {
        concurrency: 1,
        stopSignal: stop.signal,
        signal: abort.signal,
        onBatch: () => {
          stop.abort(new Error('first SIGINT'));
          abort.abort(new Error('second SIGINT'));
        },
      }),
    );
    expect(error.notSent).toEqual(idsOf(200).slice(100));
    expect(error.cause).toBe(abort.signal.reason);
    expect(error.message).toBe(
      messages.batch([messages.batchNotSent('100 instances', 'i-100, i-101 … i-199 (100 ids)', 'second SIGINT')]),
    );
  });
  it('a stop whose reason is not an Error: stopped, without a reason, and the reason is still the cause', async () => {
    const stop = new AbortController();
    const { zc } = await client(() => accepted());
    const error = await batchError(
      zc.releaseInstances(idsOf(200), { concurrency: 1, stopSignal: stop.signal, onBatch: () => stop.abort('SIGINT') }),
    );
    expect(error.message).toBe(
      messages.batch([messages.batchNotSent('100 instances', 'i-100, i-101 … i-199 (100 ids)')]),
    );
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
    expect(error.message).toBe(messages.batch([messages.batchNotSent('2 instances', 'a, b', 'operator stopped')]));
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
    expect((error as Error).message).toBe(messages.refused('concurrency', 'be an integer ≥ 1', '0'));
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

describe('releaseInstances account: splits, progress and errors not of the client', () => {
  const client = scriptedZenlayerClient();

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
    const { zc, server } = await client((body) =>
      body.instanceIds!.length > 1
        ? zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND')
        : body.instanceIds![0] === 'gone'
          ? zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND')
          : accepted('T-same'),
    );
    const seen: BatchProgress[] = [];
    await zc.releaseInstances(['i-1', 'gone', 'i-2'], { ignoreMissing: true, onBatch: (p) => seen.push(p) });
    expect(server.requests.map((r) => r.json.instanceIds)).toEqual([
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

describe('a not-found batch without ignoreMissing', () => {
  const client = clientPerTest({ bearerToken: 't' });

  it('without ignoreMissing, a not-found multi-id batch is not split into single releases', async () => {
    const { zc, server } = await client(() => zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND'));
    const error = (await zc.releaseInstances(['a', 'b', 'c']).catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(server.requests.map((r) => r.json.instanceIds)).toEqual([['a', 'b', 'c']]);
    expect(error.failedIds).toEqual(['a', 'b', 'c']);
  });
});

describe('batching on the wire', () => {
  let server: CaptureServer;
  const setup = signedClientSetup((s) => {
    server = s;
  });

  describe('releaseInstances batching', () => {
    it('de-duplicates and sends 250 ids as 100/100/50, in order, with bounded concurrency', async () => {
      const { zc } = await setup((_, i) => ({ ...accepted(`T-${i}`), delayMs: 200 }), { concurrency: 2 });
      const ids = Array.from({ length: 250 }, (_, i) => `i-${i}`);
      const progress: number[] = [];
      const result = await zc.releaseInstances([...ids, 'i-0', 'i-7'], { onBatch: (p) => progress.push(p.index) });
      expect(server.requests.map((r) => r.json.instanceIds.length)).toEqual([100, 100, 50]);
      expect(server.requests.flatMap((r) => r.json.instanceIds).sort()).toEqual([...ids].sort());
      expect(server.maxInFlight).toBe(2);
      expect(result.ids).toEqual(ids);
      expect(result.batches.map((b) => b.ids)).toEqual([ids.slice(0, 100), ids.slice(100, 200), ids.slice(200)]);
      expect(result.batches.every((b) => /^T-\d$/.test(b.requestId!))).toBe(true);
      expect(progress.sort()).toEqual([0, 1, 2]);
    });

    it('reports a failing batch with its ids and error while the others still run', async () => {
      const { zc } = await setup((r) =>
        r.json.instanceIds.includes('i-150')
          ? zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED')
          : accepted(),
      );
      const ids = Array.from({ length: 250 }, (_, i) => `i-${i}`);
      const error = await zc.releaseInstances(ids).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZenlayerBatchError);
      const batchError = error as ZenlayerBatchError;
      expect(server.requests).toHaveLength(3);
      expect(batchError.released.map((b) => b.ids.length)).toEqual([100, 50]);
      expect(batchError.failed).toHaveLength(1);
      expect(batchError.failed[0]!.ids).toEqual(ids.slice(100, 200));
      expect(batchError.failed[0]!.error).toMatchObject({
        status: 403,
        code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
      });
      expect(batchError.message).toContain(
        messages.batchFailed('1 of 3 batches', '100 instances', 'i-100, i-101 … i-199 (100 ids)'),
      );
    });

    it('with ignoreMissing, a not-found batch is retried id by id to learn which are gone', async () => {
      const { zc } = await setup((r) =>
        r.json.instanceIds.includes('gone')
          ? zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND')
          : accepted(`T-${r.json.instanceIds.join('+')}`),
      );
      const result = await zc.releaseInstances(['a', 'gone', 'b'], { ignoreMissing: true });
      expect(server.requests.map((r) => r.json.instanceIds)).toEqual([['a', 'gone', 'b'], ['a'], ['gone'], ['b']]);
      expect(result.batches).toEqual([
        { ids: ['a'], requestId: 'T-a', alreadyGone: false },
        { ids: ['gone'], requestId: 'T-INVALID_INSTANCE_NOT_FOUND', alreadyGone: true },
        { ids: ['b'], requestId: 'T-b', alreadyGone: false },
      ]);
    });
  });

  describe('more batching', () => {
    it('keeps at most 4 batches in flight by default', async () => {
      // Each answer held 250 ms: on a loaded machine the next batches still arrive meanwhile.
      const { zc } = await setup(() => ({ ...accepted(), delayMs: 250 }));
      const ids = Array.from({ length: 1000 }, (_, i) => `i-${i}`);
      const result = await zc.releaseInstances(ids);
      expect(server.requests).toHaveLength(10);
      expect(server.maxInFlight).toBe(4);
      expect(result.batches).toHaveLength(10);
    });

    it('onBatch reports every batch, a failure with its error; a throwing onBatch changes nothing', async () => {
      const { zc } = await setup((r) =>
        r.json.instanceIds.includes('i-0')
          ? zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', 'T-no')
          : accepted('T-yes'),
      );
      const ids = Array.from({ length: 150 }, (_, i) => `i-${i}`);
      const seen: BatchProgress[] = [];
      const error = (await zc
        .releaseInstances(ids, {
          concurrency: 1,
          onBatch: (p) => {
            seen.push(p);
            throw new Error('progress printer broke');
          },
        })
        .catch((e: unknown) => e)) as ZenlayerBatchError;
      expect(seen.map((p) => [p.index, p.total, p.ids.length, p.requestId, p.error?.name])).toEqual([
        [0, 2, 100, undefined, 'ZenlayerApiError'],
        [1, 2, 50, 'T-yes', undefined],
      ]);
      expect(error).toBeInstanceOf(ZenlayerBatchError);
      expect(error.released).toEqual([{ ids: ids.slice(100), requestId: 'T-yes', alreadyGone: false }]);
      expect(error.failedIds).toEqual(ids.slice(0, 100));
      expect(error.total).toBe(2);
      expect(JSON.parse(JSON.stringify(error))).toMatchObject({
        name: 'ZenlayerBatchError',
        failed: [
          {
            ids: ids.slice(0, 100),
            error: { code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', requestId: 'T-no', status: 403 },
          },
        ],
      });
    });

    it('a timeout makes its batch unknown, and only that batch', async () => {
      const { zc } = await setup((r) => (r.json.instanceIds.includes('i-0') ? 'hang' : accepted()), {
        timeoutMs: 2_000,
      });
      const ids = Array.from({ length: 200 }, (_, i) => `i-${i}`);
      const error = (await zc.releaseInstances(ids).catch((e: unknown) => e)) as ZenlayerBatchError;
      expect(error.failed).toEqual([]);
      expect(error.outcome).toBe('unknown');
      expect(error.unknown.map((f) => [f.ids.length, f.error.name])).toEqual([[100, 'TimeoutError']]);
      expect(error.released.map((b) => b.ids)).toEqual([ids.slice(100)]);
    });

    it('a user abort ends the call, starts no further batch and accounts for every id', async () => {
      const { zc } = await setup();
      const controller = new AbortController();
      const ids = Array.from({ length: 300 }, (_, i) => `i-${i}`);
      const pending = zc.releaseInstances(ids, {
        concurrency: 1,
        signal: controller.signal,
        onBatch: () => controller.abort(new Error('operator stopped')),
      });
      await expect(pending).rejects.toThrow('operator stopped');
      const error = (await pending.catch((e: unknown) => e)) as ZenlayerBatchError;
      expect(error).toBeInstanceOf(ZenlayerBatchError);
      expect(error.released.map((b) => b.ids)).toEqual([ids.slice(0, 100)]);
      expect(error.notSent).toEqual(ids.slice(100));
      expect(server.requests).toHaveLength(1);
    });
  });
});

describe('releaseInstances aborted during a back-off', () => {
  let server: CaptureServer | undefined;

  const servers = serverPerTest();

  it('the refusal that was being waited out is the account of that batch, not "not sent"', async () => {
    server = await servers.start(() => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED', 'T-429'));
    const abort = new AbortController();
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: server.url,
      // A sleep stopped by the caller: it rejects with the signal's reason, as the default does.
      retry: {
        sleep: async (_ms: number, signal?: AbortSignal) => {
          abort.abort(new Error('SIGINT while waiting'));
          signal?.throwIfAborted();
        },
      },
    });
    const error = (await zc
      .releaseInstances(['i-1', 'i-2'], { signal: abort.signal })
      .catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(server.requests).toHaveLength(1);
    expect(error.notSent).toEqual([]);
    expect(error.failed).toHaveLength(1);
    expect(error.failed[0]!.ids).toEqual(['i-1', 'i-2']);
    expect(error.failed[0]!.error).toBeInstanceOf(ZenlayerApiError);
    expect(error.failed[0]!.error).toMatchObject({ status: 429, code: 'REQUEST_LIMIT_EXCEEDED', requestId: 'T-429' });
  });
});
