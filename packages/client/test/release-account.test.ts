// releaseInstances keeps an account of every id: announced before it is sent, reported with
// its outcome when its batch ends, and listed as released, failed, unknown or never sent when
// the run is stopped, aborted or partly refused.
import { afterEach, describe, expect, it } from 'vitest';
import { type BatchProgress, createZenlayerClient, type ZenlayerBatchError } from '../src/index.js';
import type { CaptureServer, Reply } from './support/capture-server.js';
import { accepted, receivedAtLeast, startCaptureServer, zenlayerError } from './support/capture-server.js';

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
    expect(error.message).toMatch(/200 instances not sent \(i-200, i-201 … i-399 \(200 ids\)\), stopped: SIGINT/);
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
