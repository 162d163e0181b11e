// The one poll loop every waiter uses, with the AWS SDK's waiter semantics: the first poll at
// once, then jittered exponential delays between minDelayMs and maxDelayMs, and a maxWaitMs
// deadline with the last poll timed to land just before it. Each id is judged on its own, so
// one odd resource does not end the watch over the others.
import { ValidationError } from '../transport/errors.js';
import { abortableSleep } from '../transport/retry.js';

/** How long to wait between polls, and in all. Milliseconds. */
export interface WaiterTimings {
  /** The first delay, and the lower bound of every delay. */
  minDelayMs?: number;
  /** The upper bound of any one delay (≥ minDelayMs). */
  maxDelayMs?: number;
  /** The deadline, counted from the first poll (> minDelayMs). */
  maxWaitMs?: number;
}

/** Time as a waiter sees it: injectable so tests need not wait. Default: the real clock. */
export interface WaiterClock {
  /** Milliseconds, monotonic enough for deadlines. */
  now(): number;
  /** Waits `ms`; rejects with `signal.reason` when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** A number in [0, 1) that draws each jittered delay. */
  random(): number;
}

export interface WaiterOptions extends WaiterTimings {
  /** Ends the wait at once (in a delay or in a poll): state `aborted`. */
  signal?: AbortSignal;
  clock?: WaiterClock;
}

export type WaiterState = 'success' | 'failure' | 'timeout' | 'aborted';

/** What one id came to. */
export type IdVerdict = 'success' | 'failure' | 'pending';

export interface WaiterResult {
  /** `success`: every id reached the target; `failure`: some id reached a status outside the table (or a poll failed for good); `timeout`, `aborted`: some id still pending. */
  state: WaiterState;
  /** Last status seen per id; `null` once the resource was seen gone; absent when never seen. */
  statuses: Record<string, string | null>;
  /** Per id. */
  verdicts: Record<string, IdVerdict>;
  /** Polls made (one per round, however many requests the round needed). */
  polls: number;
  /** The error that ended the wait, when a poll failed for a reason that is not transient. */
  error?: unknown;
}

/** What the acceptor table makes of one status (`null`: the resource is gone). */
export type Verdict = 'success' | 'retry' | 'failure';

/** One round of reads: the status of every id asked for (`null` = gone). */
export type Poll = (ids: string[], signal: AbortSignal | undefined) => Promise<Map<string, string | null>>;

export interface WaitSpec {
  ids: readonly string[];
  poll: Poll;
  judge: (status: string | null) => Verdict;
  /** True for an error during a poll that must not end the wait (rate limits, 5xx the provider retries). */
  transient: (error: unknown) => boolean;
  /** The provider's defaults for the timings not given. */
  defaults: Required<WaiterTimings>;
}

/** A wait without its ids: how a provider reads its resources and what their statuses mean. */
export type WaitPlan = Omit<WaitSpec, 'ids'>;

/** A public waiter, `(client, ids, options)`, that waits as `plan(client)` says. */
export const waiterOf =
  <C>(plan: (client: C) => WaitPlan) =>
  (client: C, ids: readonly string[], options: WaiterOptions = {}): Promise<WaiterResult> =>
    waitFor({ ...plan(client), ids }, options);

/** The real clock: Date.now, setTimeout, Math.random. */
export const REAL_CLOCK: WaiterClock = {
  now: () => Date.now(),
  sleep: abortableSleep,
  random: Math.random,
};

/**
 * How close to the deadline the last poll is timed: it starts this long before it, so its
 * answer can still arrive in time. The smaller of 1 s and minDelayMs.
 */
export const lastPollLeadMs = (minDelayMs: number) => Math.min(1000, minDelayMs);

/** The timings with defaults filled in, or a ValidationError naming the field and its rule. */
export function resolveTimings(given: WaiterTimings, defaults: Required<WaiterTimings>): Required<WaiterTimings> {
  const t = {
    minDelayMs: given.minDelayMs ?? defaults.minDelayMs,
    maxDelayMs: given.maxDelayMs ?? Math.max(defaults.maxDelayMs, given.minDelayMs ?? 0),
    maxWaitMs: given.maxWaitMs ?? defaults.maxWaitMs,
  };
  for (const field of ['minDelayMs', 'maxDelayMs', 'maxWaitMs'] as const) {
    const v: unknown = t[field];
    if (!(Number.isSafeInteger(v) && (v as number) > 0))
      throw new ValidationError(field, 'an integer > 0', `${field} must be an integer > 0 (got ${String(v)})`);
  }
  if (t.maxDelayMs < t.minDelayMs)
    throw new ValidationError(
      'maxDelayMs',
      '≥ minDelayMs',
      `maxDelayMs must be ≥ minDelayMs (${t.maxDelayMs} < ${t.minDelayMs})`,
    );
  if (t.maxWaitMs <= t.minDelayMs)
    throw new ValidationError(
      'maxWaitMs',
      '> minDelayMs',
      `maxWaitMs must be > minDelayMs (${t.maxWaitMs} ≤ ${t.minDelayMs})`,
    );
  return t;
}

/**
 * The delay before poll n+1 (n ≥ 1 polls made): random in [minDelayMs, min(maxDelayMs,
 * minDelayMs·2^(n−1))], as the AWS SDK draws it.
 */
export function delayAfter(n: number, t: Required<WaiterTimings>, random: () => number): number {
  const ceiling = Math.min(t.maxDelayMs, t.minDelayMs * 2 ** Math.min(n - 1, 52));
  return Math.round(t.minDelayMs + random() * (ceiling - t.minDelayMs));
}

/** Polls until every id is judged, the deadline passes, or the signal aborts. Never throws for a poll's error. */
export async function waitFor(spec: WaitSpec, options: WaiterOptions = {}): Promise<WaiterResult> {
  const t = resolveTimings(options, spec.defaults);
  const clock = options.clock ?? REAL_CLOCK;
  const { signal } = options;
  const ids = [...new Set(spec.ids)];
  const statuses: Record<string, string | null> = {};
  const verdicts: Record<string, IdVerdict> = Object.fromEntries(ids.map((id) => [id, 'pending' as IdVerdict]));
  let polls = 0;
  let error: unknown;
  const pending = () => ids.filter((id) => verdicts[id] === 'pending');
  const end = (state: WaiterState): WaiterResult => ({
    state,
    statuses,
    verdicts,
    polls,
    ...(error !== undefined && { error }),
  });
  const settled = (): WaiterResult =>
    end(error !== undefined || ids.some((id) => verdicts[id] === 'failure') ? 'failure' : 'success');

  const deadline = clock.now() + t.maxWaitMs;
  const lead = lastPollLeadMs(t.minDelayMs);
  for (;;) {
    if (signal?.aborted) return end('aborted');
    polls += 1;
    try {
      const seen = await spec.poll(pending(), signal);
      for (const [id, status] of seen) {
        if (verdicts[id] !== 'pending') continue;
        statuses[id] = status;
        const verdict = spec.judge(status);
        if (verdict !== 'retry') verdicts[id] = verdict;
      }
    } catch (e) {
      if (signal?.aborted) return end('aborted');
      if (!spec.transient(e)) {
        error = e;
        return settled();
      }
    }
    if (pending().length === 0) return settled();
    const now = clock.now();
    const last = deadline - lead;
    let delay = delayAfter(polls, t, clock.random);
    if (now + delay > last) {
      // One more poll just before the deadline, unless that would come sooner than minDelayMs.
      if (last - now < t.minDelayMs) return end('timeout');
      delay = last - now;
    }
    try {
      await clock.sleep(delay, signal);
    } catch {
      return end('aborted');
    }
  }
}
