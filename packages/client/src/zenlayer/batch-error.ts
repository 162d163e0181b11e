// What releaseInstances reports when not every batch was accepted: every batch in one of four
// lists, so a caller knows which ids were released, which were refused, which may or may not
// have been released, and which were never sent — and can retry exactly the right ones.
import { describeIds } from '../describe-ids.js';
import { CloudReleaseError, type Outcome } from '../transport/errors.js';

/** A batch that was accepted (or, with ignoreMissing, whose instances were already gone). */
export interface ReleasedBatch {
  ids: string[];
  requestId: string | undefined;
  alreadyGone: boolean;
}

/**
 * A batch that ended with an error: in `failed` its ids were not released (a refusal, or no
 * connection at all); in `unknown` the request was sent and its outcome is not known.
 */
export interface FailedBatch {
  ids: string[];
  /**
   * The batch this request was part of (0-based, as `index` in onBatch's progress), set by
   * releaseInstances. With ignoreMissing a not-found batch is released id by id, so several
   * entries can share one batch; the message counts batches, not entries.
   */
  batch?: number;
  /** ZenlayerApiError, NetworkError, RedirectError, or (in `unknown`) an OutcomeUnknownError. */
  error: CloudReleaseError;
}

export interface BatchAccount {
  /** Accepted batches, in id order. */
  released: ReleasedBatch[];
  /** Refused (or never connected) batches, in id order: not released. */
  failed: FailedBatch[];
  /** Batches sent whose outcome is unknown (timeout, lost connection, unreadable answer). */
  unknown?: FailedBatch[];
  /** Ids never sent, because the call was stopped or aborted first. */
  notSent?: string[];
  /** Number of batches. */
  total: number;
}

const plural = (n: number, word: string, suffix = 's') => `${n} ${word}${n === 1 ? '' : suffix}`;

/** How many batches these entries came from: an entry without its batch index counts as its own. */
const batchesOf = (entries: FailedBatch[]) => new Set(entries.map((e, i) => e.batch ?? `entry ${i}`)).size;

/** releaseInstances() when any batch was not accepted: lists what was released and what was not. */
export class ZenlayerBatchError extends CloudReleaseError {
  override readonly name = 'ZenlayerBatchError';
  readonly released: ReleasedBatch[];
  readonly failed: FailedBatch[];
  readonly unknown: FailedBatch[];
  readonly notSent: string[];
  readonly total: number;

  /** `stopReason`: why ids were left unsent (the stop or abort signal's reason), as `cause`. */
  constructor({ released, failed, unknown = [], notSent = [], total }: BatchAccount, stopReason?: unknown) {
    const parts: string[] = [];
    const idsOf = (batches: FailedBatch[]) => batches.flatMap((b) => b.ids);
    if (failed.length > 0) {
      const ids = idsOf(failed);
      parts.push(
        `${batchesOf(failed)} of ${plural(total, 'batch', 'es')} failed, ${plural(ids.length, 'instance')} not released (${describeIds(ids)})`,
      );
    }
    if (unknown.length > 0) {
      const ids = idsOf(unknown);
      parts.push(
        `${batchesOf(unknown)} of ${plural(total, 'batch', 'es')} with an unknown outcome, ${plural(ids.length, 'instance')} may have been released (${describeIds(ids)})`,
      );
    }
    if (notSent.length > 0) {
      const why = stopReason instanceof Error ? `: ${stopReason.message}` : '';
      parts.push(`${plural(notSent.length, 'instance')} not sent (${describeIds(notSent)}), stopped${why}`);
    }
    const outcome: Outcome = unknown.length > 0 ? 'unknown' : failed.length > 0 ? 'refused' : 'not-sent';
    super(
      `ReleaseInstances: ${parts.join('; ')}. ${[...failed, ...unknown].map((f) => f.error.message).join('; ')}`.trim(),
      { outcome },
      stopReason === undefined ? undefined : { cause: stopReason },
    );
    this.released = released;
    this.failed = failed;
    this.unknown = unknown;
    this.notSent = notSent;
    this.total = total;
  }

  /** The ids that were refused (not released), in order. */
  get failedIds(): string[] {
    return this.failed.flatMap((f) => f.ids);
  }
}
