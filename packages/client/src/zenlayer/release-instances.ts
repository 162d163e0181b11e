// ReleaseInstances for any number of ids: de-duplicated, cut into the API's batches, run with
// bounded concurrency, each batch's end reported, and an account of every batch at the end.
import type { CloudReleaseError } from '../transport/errors.js';
import { requireInteger } from '../transport/options.js';
import { type FailedBatch, type ReleasedBatch, ZenlayerBatchError } from './batch-error.js';
import { chunk, mapWithConcurrency } from './batching.js';
import type { BatchProgress, ReleaseInstancesOptions, ReleaseInstancesResult, ReleaseOptions } from './client-types.js';
import { ZenlayerApiError } from './errors.js';
import { MAX_IDS_PER_REQUEST, requireIds } from './validate.js';

/** Sends one request of ReleaseInstances for `ids`; resolves with its requestId or alreadyGone. */
export type SendBatch = (
  ids: string[],
  options: ReleaseOptions & { subject: string },
) => Promise<{ requestId: string | undefined; alreadyGone: boolean }>;

async function releaseBatch(send: SendBatch, ids: string[], opts: ReleaseOptions): Promise<ReleasedBatch[]> {
  const subject = ids.length === 1 ? `instance ${ids[0]}` : `${ids.length} instances`;
  try {
    // A not-found batch is only "already gone" when it names one id; see below for more.
    const result = await send(ids, {
      ...opts,
      ignoreMissing: opts.ignoreMissing === true && ids.length === 1,
      subject,
    });
    return [{ ids, ...result }];
  } catch (error) {
    // One missing id fails the whole batch and the answer does not say which, so with
    // ignoreMissing each id is released on its own (one at a time, to stay within the
    // concurrency bound) to learn which ones are gone and release the rest.
    if (!(opts.ignoreMissing && ids.length > 1 && error instanceof ZenlayerApiError && error.isNotFound)) throw error;
    const singles: ReleasedBatch[] = [];
    for (const id of ids) singles.push(...(await releaseBatch(send, [id], opts)));
    return singles;
  }
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
  const batches = chunk(unique, MAX_IDS_PER_REQUEST);
  const released: ReleasedBatch[][] = [];
  const failed: Array<FailedBatch & { index: number }> = [];
  const report = (progress: BatchProgress) => {
    try {
      opts.onBatch?.(progress);
    } catch {
      // Ignored on purpose; see ReleaseInstancesOptions.onBatch.
    }
  };
  await mapWithConcurrency(batches, concurrency, async (batch, index) => {
    opts.signal?.throwIfAborted();
    let done: ReleasedBatch[];
    try {
      done = await releaseBatch(send, batch, opts);
    } catch (error) {
      // The caller's abort ends the whole call; anything else fails this batch only.
      if (opts.signal?.aborted) throw opts.signal.reason;
      failed.push({ index, ids: batch, error: error as CloudReleaseError });
      return report({ index, total: batches.length, ids: batch, error: error as CloudReleaseError });
    }
    released[index] = done;
    const requestIds = [...new Set(done.map((d) => d.requestId).filter((r) => r !== undefined))];
    report({
      index,
      total: batches.length,
      ids: batch,
      requestId: requestIds.join(', ') || undefined,
      alreadyGone: done.every((d) => d.alreadyGone),
    });
  });
  const inOrder = released.flat().filter(Boolean);
  if (failed.length > 0) {
    const failedInOrder = failed
      .sort((a, b) => a.index - b.index)
      .map(({ ids: failedIds, error }) => ({ ids: failedIds, error }));
    throw new ZenlayerBatchError({ released: inOrder, failed: failedInOrder, total: batches.length });
  }
  return { ids: unique, batches: inOrder };
}
