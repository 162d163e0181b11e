// Back-off for answers that say "try again later", and nothing else: a release that failed
// for a business reason must not be repeated behind the caller's back.

export interface RetryOptions {
  /** Retries after the first attempt. Default 3 (as the official SDKs). 0 disables. */
  retries?: number;
  /** First delay; doubles each retry (1 s, 2 s, 4 s by default). */
  baseDelayMs?: number;
  /** Upper bound of any delay, Retry-After included. Default 30 s. */
  maxDelayMs?: number;
  /** Injectable for tests. Must reject with the signal's reason when it aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const DEFAULT_RETRY = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 } as const;

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
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now().getTime());
}

/** The delay before retry number `retry` (0-based), or undefined when retries are used up. */
export function backoffDelay(options: Required<Omit<RetryOptions, 'sleep'>>, retry: number, retryAfter?: number): number | undefined {
  if (retry >= options.retries) return undefined;
  return Math.min(retryAfter ?? options.baseDelayMs * 2 ** retry, options.maxDelayMs);
}
