// The shapes of the Zenlayer client's calls: what they take and what they resolve with.
import type { ReleasedBatch } from './batch-error.js';

export interface ReleaseOptions {
  /** Aborts the call, in flight or during a back-off; it rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Not-found codes (INVALID_INSTANCE_NOT_FOUND, INVALID_DISK_NOT_FOUND, SELF_SERVICE_PORT_NOT_FOUND,
   * INVALID_PORT_NOT_FOUND, OPERATION_FAILED_RESOURCE_NOT_FOUND) resolve as success with
   * `alreadyGone: true`, like openstacksdk's `ignore_missing`. Default false.
   */
  ignoreMissing?: boolean;
}

/** One call to `onBatch`: a batch of releaseInstances has ended, accepted or failed. */
export interface BatchProgress {
  /** 0-based batch number, in id order. */
  index: number;
  /** Number of batches. */
  total: number;
  ids: string[];
  /** The accepted request's id (several, comma-separated, when ignoreMissing split the batch). */
  requestId?: string | undefined;
  /** True when every id of the batch was already gone (ignoreMissing). */
  alreadyGone?: boolean;
  /** Set when the batch failed. */
  error?: Error;
}

export interface ReleaseInstancesOptions extends ReleaseOptions {
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
   * batch was accepted; if any batch fails, the others still run and it rejects with a
   * ZenlayerBatchError listing both the released and the failed batches (with their ids and
   * errors). A user abort rejects with the signal's reason.
   */
  releaseInstances(ids: readonly string[], options?: ReleaseInstancesOptions): Promise<ReleaseInstancesResult>;
  /** ReleaseDisk (zec). Rejects with ZenlayerApiError, NetworkError/TimeoutError or ValidationError. */
  releaseDisk(diskId: string, options?: ReleaseOptions): Promise<ReleaseResult>;
  /** DestroyPort (sdn). Rejects with ZenlayerApiError, NetworkError/TimeoutError or ValidationError. */
  destroyPort(portId: string, options?: ReleaseOptions): Promise<ReleaseResult>;
}
