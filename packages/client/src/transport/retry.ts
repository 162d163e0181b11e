// Back-off for answers that say "try again later", and nothing else: a release that failed
// for a business reason must not be repeated behind the caller's back.
import { requireInteger, requireMs } from './options.js';

export interface RetryOptions {
  /** Retries after the first attempt. Default 3, as the official SDKs. 0 disables retrying. */
  retries?: number;
  /**
   * Scale of the back-off; it doubles each retry (1 s, 2 s, 4 s by default, the official SDKs'
   * schedule), and each delay is drawn at random below it ("full jitter"), so clients that
   * were refused together do not come back together.
   */
  baseDelayMs?: number;
  /** Upper bound of any one delay, a server's Retry-After included. Default 30 000 ms. */
  maxDelayMs?: number;
  /**
   * Lower bound of any one delay (at most `baseDelayMs`), so neither the jitter nor a
   * `Retry-After: 0` can turn retries into a burst. Default 100 ms.
   */
  minDelayMs?: number;
  /** A number in [0, 1) that draws each jittered delay. Default `Math.random`; inject it in tests. */
  random?: () => number;
  /**
   * Waits `ms`; injectable so tests need not wait. It should reject with `signal.reason` when
   * the signal aborts (the default does); the client checks the signal after it returns anyway.
   */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export type ResolvedRetry = Required<RetryOptions>;

export const DEFAULT_RETRY = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, minDelayMs: 100 } as const;

/** Fills in the defaults and refuses nonsense (negative counts, NaN delays). `false` = never retry. */
export function resolveRetry(options: RetryOptions | false | undefined): ResolvedRetry {
  const o = options === false ? { retries: 0 } : (options ?? {});
  const baseDelayMs = requireMs('retry.baseDelayMs', o.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs);
  return {
    retries: requireInteger('retry.retries', o.retries ?? DEFAULT_RETRY.retries, 0),
    baseDelayMs,
    maxDelayMs: requireMs('retry.maxDelayMs', o.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs),
    minDelayMs: Math.min(baseDelayMs, requireMs('retry.minDelayMs', o.minDelayMs ?? DEFAULT_RETRY.minDelayMs)),
    random: o.random ?? Math.random,
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
  // Headers hands values on without leading or trailing whitespace (the Fetch standard's normalization).
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now().getTime());
}

/**
 * The delay before retry number `retry` (0-based), or undefined when the retries are used up:
 * a random share of baseDelayMs·2^retry, but never less than the server's Retry-After nor
 * minDelayMs, and never more than maxDelayMs.
 */
export function backoffDelay(options: ResolvedRetry, retry: number, retryAfter?: number): number | undefined {
  if (retry >= options.retries) return undefined;
  const jittered = options.random() * options.baseDelayMs * 2 ** retry;
  return Math.min(Math.max(jittered, retryAfter ?? 0, options.minDelayMs), options.maxDelayMs);
}
