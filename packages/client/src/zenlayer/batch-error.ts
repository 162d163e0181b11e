// What releaseInstances reports when some batches failed: both halves, so a caller can
// retry exactly the ids that were not released and knows which were.
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
  /** ZenlayerApiError, NetworkError or TimeoutError. */
  error: Error;
}

/** releaseInstances() when at least one batch failed: lists what was released and what was not. */
export class ZenlayerBatchError extends Error {
  override readonly name = 'ZenlayerBatchError';
  constructor(
    /** Accepted batches, in id order. */
    readonly released: ReleasedBatch[],
    /** Failed batches, in id order, each with its ids and error. */
    readonly failed: FailedBatch[],
    /** Number of batches sent. */
    readonly total: number = released.length + failed.length,
  ) {
    const failedIds = failed.flatMap((f) => f.ids);
    super(
      `ReleaseInstances: ${failed.length} of ${total} batch${total === 1 ? '' : 'es'} failed, ${failedIds.length} instance${failedIds.length === 1 ? '' : 's'} not released (${describeIds(failedIds)}). ` +
        failed.map((f) => f.error.message).join('; '),
    );
  }

  /** The ids that were not released, in order. */
  get failedIds(): string[] {
    return this.failed.flatMap((f) => f.ids);
  }

  toJSON() {
    const errorFacts = (e: Error) =>
      typeof (e as { toJSON?: unknown }).toJSON === 'function'
        ? (e as Error & { toJSON(): unknown }).toJSON()
        : { name: e.name, message: e.message };
    return {
      name: this.name,
      message: this.message,
      total: this.total,
      released: this.released,
      failed: this.failed.map((f) => ({ ids: f.ids, error: errorFacts(f.error) })),
    };
  }
}
