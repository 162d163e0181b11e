// The shapes of the Zenlayer client's calls: what they take and what they resolve with.
import type { CloudReleaseError } from '../transport/errors.js';
import type { ReleasedBatch } from './batch-error.js';

export interface ReleaseOptions {
  /** Aborts the call, in flight or during a back-off; it rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * The action's "already gone" codes (ALREADY_GONE_CODES: ReleaseInstances
   * INVALID_INSTANCE_NOT_FOUND; ReleaseDisk INVALID_DISK_NOT_FOUND,
   * OPERATION_FAILED_RESOURCE_NOT_FOUND; DestroyPort SELF_SERVICE_PORT_NOT_FOUND,
   * INVALID_PORT_NOT_FOUND, OPERATION_FAILED_RESOURCE_NOT_FOUND) resolve as success with
   * `alreadyGone: true`, like openstacksdk's `ignore_missing`. Default false.
   */
  ignoreMissing?: boolean;
}

/** One call to `onBatchStart`: a batch of releaseInstances is about to be sent. */
export interface BatchStart {
  /** 0-based batch number, in id order. */
  index: number;
  /** Number of batches. */
  total: number;
  ids: string[];
}

/** One call to `onBatch`: a batch of releaseInstances has ended. */
export interface BatchProgress extends BatchStart {
  /**
   * `accepted`: released (or already gone); `refused`: an API error, not released; `unknown`:
   * sent, but whether it was released is not known (a timeout, a lost connection, an answer
   * that is not the documented one) — re-run those ids with ignoreMissing, or look them up.
   */
  outcome: 'accepted' | 'refused' | 'unknown';
  /** The accepted request's id (several, comma-separated, when ignoreMissing split the batch). */
  requestId?: string | undefined;
  /** True when every id of the batch was already gone (ignoreMissing). */
  alreadyGone?: boolean;
  /** Set when the batch was refused or its outcome is unknown. */
  error?: CloudReleaseError;
  /** Ids of the batch left unsent (a stop while ignoreMissing released them one by one). */
  notSent?: string[];
}

export interface ReleaseInstancesOptions extends ReleaseOptions {
  /**
   * Called synchronously right before a batch's request is sent, so a journal can record
   * "sending" before the server can see it. If it throws, that batch and all later ones are
   * not sent, and the call rejects with a ZenlayerBatchError whose `cause` is the exception.
   */
  onBatchStart?: (batch: BatchStart) => void;
  /** When it aborts, no new batch starts; batches in flight finish. The rest are `notSent`. */
  stopSignal?: AbortSignal;
  /**
   * Aborts batches in flight too: they become `unknown` (they were sent). Aborted before the
   * call sends anything, it rejects with the signal's reason.
   */
  signal?: AbortSignal;
  /**
   * Called as each batch ends, success or failure (e.g. to print a progress line). An exception
   * it throws is ignored: a progress printer must not turn an accepted release into a failure.
   */
  onBatch?: (progress: BatchProgress) => void;
  /** Overrides the client's `concurrency` for this call. */
  concurrency?: number;
}

export interface ReleaseResult {
  /** The accepted request's id; with `alreadyGone`, the id of the not-found answer. */
  requestId: string | undefined;
  /** True only with `ignoreMissing`, when the resource did not exist. */
  alreadyGone: boolean;
}

export interface ReleaseInstancesResult {
  /** The ids released, de-duplicated, in first-seen order. */
  ids: string[];
  /** One entry per request that was accepted (or found the ids already gone), in id order. */
  batches: ReleasedBatch[];
}

export interface ZenlayerClient {
  /**
   * Releases any number of instances: ids de-duplicated (first-seen order kept), sent in
   * batches of 100 (MAX_IDS_PER_REQUEST) with bounded concurrency. Resolves only when every
   * batch was accepted; otherwise the other batches still run (unless stopped) and it rejects
   * with a ZenlayerBatchError listing the released, failed, unknown and notSent ids.
   */
  releaseInstances(ids: readonly string[], options?: ReleaseInstancesOptions): Promise<ReleaseInstancesResult>;
  /** ReleaseDisk (zec). Rejects with ZenlayerApiError, NetworkError/TimeoutError or ValidationError. */
  releaseDisk(diskId: string, options?: ReleaseOptions): Promise<ReleaseResult>;
  /** DestroyPort (sdn). Rejects with ZenlayerApiError, NetworkError/TimeoutError or ValidationError. */
  destroyPort(portId: string, options?: ReleaseOptions): Promise<ReleaseResult>;
}
