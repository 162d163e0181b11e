// ReleaseInstances for any number of ids: de-duplicated, cut into the API's batches, run with
// bounded concurrency, each batch announced before it is sent and reported when it ends, and
// an account of every id at the end — released, refused, unknown or never sent.
import { CloudReleaseError, OutcomeUnknownError } from '../transport/errors.js';
import { requireInteger } from '../transport/options.js';
import { type FailedBatch, type ReleasedBatch, ZenlayerBatchError } from './batch-error.js';
import { chunk, mapWithConcurrency } from './batching.js';
import type { BatchProgress, ReleaseInstancesOptions, ReleaseInstancesResult, ReleaseOptions } from './client-types.js';
import { ZenlayerApiError } from './errors.js';
import { MAX_IDS_PER_REQUEST, requireIds } from './validate.js';

/** Sends one request of ReleaseInstances for `ids`; resolves with its requestId or alreadyGone. */
export type SendBatch = (
  ids: string[],
  options: ReleaseOptions & { subject: string; abortIsUnknown: true },
) => Promise<{ requestId: string | undefined; alreadyGone: boolean }>;

interface Account {
  released: ReleasedBatch[];
  failed: FailedBatch[];
  unknown: FailedBatch[];
  notSent: string[];
}
const empty = (): Account => ({ released: [], failed: [], unknown: [], notSent: [] });

function merge(into: Account, from: Account): Account {
  for (const key of ['released', 'failed', 'unknown', 'notSent'] as const) (into[key] as unknown[]).push(...from[key]);
  return into;
}

async function releaseBatch(send: SendBatch, ids: string[], opts: ReleaseOptions, stopped: () => boolean) {
  const subject = ids.length === 1 ? `instance ${ids[0]}` : `${ids.length} instances`;
  const account = empty();
  try {
    // A not-found batch is only "already gone" when it names one id; see below for more.
    const ignoreMissing = Boolean(opts.ignoreMissing) && ids.length === 1;
    const result = await send(ids, { signal: opts.signal, ignoreMissing, subject, abortIsUnknown: true });
    account.released.push({ ids, ...result });
  } catch (error) {
    // One missing id fails the whole batch and the answer does not say which, so with
    // ignoreMissing each id is released on its own (one at a time, to stay within the
    // concurrency bound) to learn which ones are gone and release the rest. (A one-id batch
    // never gets here: with ignoreMissing its not-found answer resolved as already gone.)
    if (opts.ignoreMissing && error instanceof ZenlayerApiError && error.isNotFound) {
      for (const [i, id] of ids.entries()) {
        if (stopped()) return merge(account, { ...empty(), notSent: ids.slice(i) });
        merge(account, await releaseBatch(send, [id], opts, stopped));
      }
    } else if (error instanceof CloudReleaseError) {
      (error.outcome === 'unknown' ? account.unknown : account.failed).push({ ids, error });
    } else if (opts.signal?.aborted) {
      account.notSent.push(...ids); // the abort came before this request was sent
    } else {
      // Not one of ours (a bug, a throwing fetch): whether it was sent is not known.
      const unknown = new OutcomeUnknownError(
        `ReleaseInstances ${subject}: ${(error as Error)?.message}; the outcome is unknown`,
        'ReleaseInstances',
        ids,
        'connection-lost',
        { cause: error },
      );
      account.unknown.push({ ids, error: unknown });
    }
  }
  return account;
}

function progressOf(index: number, total: number, ids: string[], done: Account): BatchProgress {
  const requestIds = [...new Set(done.released.map((d) => d.requestId).filter((r) => r !== undefined))];
  const error = done.unknown[0]?.error ?? done.failed[0]?.error;
  return {
    index,
    total,
    ids,
    outcome: done.unknown.length > 0 ? 'unknown' : done.failed.length > 0 ? 'refused' : 'accepted',
    requestId: requestIds.join(', ') || undefined,
    alreadyGone: done.released.length > 0 && done.released.every((d) => d.alreadyGone),
    ...(error && { error }),
    ...(done.notSent.length > 0 && { notSent: done.notSent }),
  };
}

export async function releaseInstances(
  send: SendBatch,
  ids: readonly string[],
  opts: ReleaseInstancesOptions,
  clientConcurrency: number,
): Promise<ReleaseInstancesResult> {
  const unique = [...new Set(requireIds('instanceIds', ids))];
  const concurrency =
    opts.concurrency === undefined ? clientConcurrency : requireInteger('concurrency', opts.concurrency);
  // Aborted before anything was sent: nothing to account for.
  opts.signal?.throwIfAborted();
  const batches = chunk(unique, MAX_IDS_PER_REQUEST);
  // Every batch is "not sent" until it ends: a batch the run never started stays so.
  const accounts: Account[] = batches.map((batch) => ({ ...empty(), notSent: batch }));
  let startFailed: { error: unknown } | undefined;
  const stopped = () => Boolean(opts.stopSignal?.aborted || opts.signal?.aborted || startFailed);
  const report = (progress: BatchProgress) => {
    try {
      opts.onBatch?.(progress);
    } catch {
      // Ignored on purpose; see ReleaseInstancesOptions.onBatch.
    }
  };
  await mapWithConcurrency(batches, concurrency, async (batch, index) => {
    if (stopped()) return;
    try {
      opts.onBatchStart?.({ index, total: batches.length, ids: batch });
    } catch (error) {
      // A journal that cannot record "sending" must not be outrun by the server: stop here.
      startFailed = { error };
      return;
    }
    const done = await releaseBatch(send, batch, opts, stopped);
    // Each refused or unknown request names its batch, so the error counts batches, not requests.
    for (const entry of [...done.failed, ...done.unknown]) entry.batch = index;
    accounts[index] = done;
    report(progressOf(index, batches.length, batch, done));
  });
  const all = accounts.reduce(merge, empty());
  const stopReason = startFailed
    ? startFailed.error
    : opts.signal?.aborted
      ? opts.signal.reason
      : opts.stopSignal?.reason;
  if (all.failed.length + all.unknown.length + all.notSent.length > 0) {
    throw new ZenlayerBatchError({ ...all, total: batches.length }, all.notSent.length > 0 ? stopReason : undefined);
  }
  return { ids: unique, batches: all.released };
}
