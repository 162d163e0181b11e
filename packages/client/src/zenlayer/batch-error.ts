import { describeIds } from './errors.js';

/** A batch that was accepted (or, with ignoreMissing, whose instances were already gone). */
export interface ReleasedBatch {
  ids: string[];
  requestId: string | undefined;
  alreadyGone: boolean;
}

/** A batch that failed: its ids were not released. */
export interface FailedBatch {
  ids: string[];
  error: Error;
}

/** releaseInstances() when at least one batch failed: lists what was released and what was not. */
export class ZenlayerBatchError extends Error {
  override readonly name = 'ZenlayerBatchError';
  constructor(
    readonly released: ReleasedBatch[],
    readonly failed: FailedBatch[],
  ) {
    const failedIds = failed.flatMap((f) => f.ids);
    const total = released.length + failed.length;
    super(
      `ReleaseInstances: ${failed.length} of ${total} batch${total === 1 ? '' : 'es'} failed, ${failedIds.length} instance${failedIds.length === 1 ? '' : 's'} not released (${describeIds(failedIds)}). ` +
        failed.map((f) => f.error.message).join('; '),
    );
  }
}
