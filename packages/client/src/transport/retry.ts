// Back-off for answers that say "try again later", and nothing else: a release that failed
// for a business reason must not be repeated behind the caller's back.
import { requireInteger, requireMs } from './options.js';

export interface RetryOptions {
  /** Retries after the first attempt. Default 3, as the official SDKs. 0 disables retrying. */
  retries?: number;
  /** First delay; it doubles each retry: 1 s, 2 s, 4 s by default (the official SDKs' schedule). */
  baseDelayMs?: number;
  /** Upper bound of any one delay, a server's Retry-After included. Default 30 000 ms. */
  maxDelayMs?: number;
  /**
   * Waits `ms`; injectable so tests need not wait. It should reject with `signal.reason` when
   * the signal aborts (the default does); the client checks the signal after it returns anyway.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 } as const;

/** Fills in the defaults and refuses nonsense (negative counts, NaN delays). `false` = never retry. */
export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  const o = options === false ? { retries: 0 } : (options ?? {});
  return {
    retries: requireInteger('retry.retries', o.retries ?? DEFAULT_RETRY.retries, 0),
    baseDelayMs: requireMs('retry.baseDelayMs', o.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs),
    maxDelayMs: requireMs('retry.maxDelayMs', o.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs),
    sleep: o.sleep ?? abortableSleep,
  };
}

/** setTimeout as a promise that rejects with the signal's reason as soon as it aborts. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: () => Date): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now().getTime());
}

/**
 * The delay before retry number `retry` (0-based), or undefined when the retries are used up:
 * the server's Retry-After when it gave one, else baseDelayMs·2^retry; never above maxDelayMs.
 */
export function backoffDelay(
  options: Omit<ResolvedRetry, 'sleep'>,
  retry: number,
  retryAfter?: number,
): number | undefined {
  if (retry >= options.retries) return undefined;
  return Math.min(retryAfter ?? options.baseDelayMs * 2 ** retry, options.maxDelayMs);
}
