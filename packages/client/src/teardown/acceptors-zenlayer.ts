// Zenlayer's acceptor tables, as the official Terraform provider reads its statuses
// (shared/reference/teardown-flows.md, companion-reads.md §2): which statuses keep a waiter
// polling ("operating"), which is the recycle bin, which not-found codes mean "gone", and
// which errors during a poll are passing weather.
import { ZenlayerApiError } from '../zenlayer/errors.js';
import type { Verdict, WaiterTimings } from './waiter.js';

export type ZenlayerType = 'instance' | 'disk' | 'port';
/** Where a Zenlayer waiter stops: in the recycle bin, or gone from the list. */
export type ZenlayerTarget = 'recycle-bin' | 'gone';

export interface ZenlayerTable {
  /** The status that means "in the recycle bin" (RECYCLE for instances, sic). */
  recycleBin: string;
  /** Statuses that keep a waiter polling on the way to the recycle bin. */
  operating: ReadonlySet<string>;
  /** Statuses on the way into the recycle bin (after a terminate). */
  recycling: ReadonlySet<string>;
  /** Statuses on the way out of it (after a release). */
  releasing: ReadonlySet<string>;
  /** A status that means the resource no longer exists, though still listed. */
  ended?: string;
  /** Codes a Describe call may answer for an id that does not exist: gone. */
  notFoundCodes: ReadonlySet<string>;
}

/**
 * Per type. On the way to gone the recycle-bin status keeps polling too (with the statuses
 * into and out of it): a release is asynchronous, and a read right after it may still show
 * the resource where it was.
 */
export const ZENLAYER_TABLES: Readonly<Record<ZenlayerType, ZenlayerTable>> = {
  instance: {
    recycleBin: 'RECYCLE',
    operating: new Set(['PENDING', 'DEPLOYING', 'STOPPING', 'BOOTING', 'RELEASING', 'REBUILDING', 'RECYCLING']),
    recycling: new Set(['RECYCLING']),
    releasing: new Set(['RELEASING']),
    notFoundCodes: new Set(['INVALID_INSTANCE_NOT_FOUND', 'OPERATION_FAILED_RESOURCE_NOT_FOUND']),
  },
  disk: {
    recycleBin: 'RECYCLED',
    operating: new Set(['RECYCLING', 'ATTACHING', 'DETACHING', 'CREATING', 'DELETING', 'CHANGING']),
    recycling: new Set(['RECYCLING']),
    releasing: new Set(['DELETING']),
    notFoundCodes: new Set(['INVALID_DISK_NOT_FOUND', 'OPERATION_FAILED_RESOURCE_NOT_FOUND']),
  },
  port: {
    recycleBin: 'RECYCLED',
    operating: new Set(['CREATING', 'DELETING', 'UPDATING', 'RECOVERING', 'DESTROYING']),
    // TerminatePort goes DELETING → RECYCLED.
    recycling: new Set(['DELETING']),
    releasing: new Set(['DESTROYING']),
    // DestroyPort goes DESTROYING → DESTROYED, after which the port is no longer listed.
    ended: 'DESTROYED',
    notFoundCodes: new Set(['INVALID_PORT_NOT_FOUND', 'OPERATION_FAILED_RESOURCE_NOT_FOUND']),
  },
};

/** What a status means for a waiter of this type and target (`null`: not listed, gone). */
export function judgeZenlayer(type: ZenlayerType, target: ZenlayerTarget, status: string | null): Verdict {
  const table = ZENLAYER_TABLES[type];
  // Gone ends either wait: the Terraform provider takes it as success on the way to the recycle bin too.
  if (status === null || status === table.ended) return 'success';
  if (target === 'recycle-bin') {
    if (status === table.recycleBin) return 'success';
    return table.operating.has(status) ? 'retry' : 'failure';
  }
  const leaving = status === table.recycleBin || table.recycling.has(status) || table.releasing.has(status);
  return leaving ? 'retry' : 'failure';
}

/** Codes during a poll that do not end a wait: rate limits and the 5xx the provider retries. */
export const ZENLAYER_TRANSIENT_CODES: ReadonlySet<string> = new Set([
  'REQUEST_LIMIT_EXCEEDED',
  'SERVICE_TEMPORARY_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

export function isZenlayerTransient(error: unknown): boolean {
  return (
    error instanceof ZenlayerApiError && (error.status === 429 || ZENLAYER_TRANSIENT_CODES.has(String(error.code)))
  );
}

/**
 * The Terraform provider's timing: polls about 0.5, 1, 2, 4, 8, 10, 10… s apart, each phase
 * bounded by the 20-minute delete timeout less one minute.
 */
export const ZENLAYER_WAIT: Required<WaiterTimings> = { minDelayMs: 500, maxDelayMs: 10_000, maxWaitMs: 19 * 60_000 };
