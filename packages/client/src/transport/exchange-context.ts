// What one call tells the attempt/retry loop (transport/exchange.ts) and the reading of a
// failed attempt (transport/failure.ts): a module of its own, so neither imports the other.
import type { ResolvedRetry } from './retry.js';

export interface ExchangeContext {
  operation: string;
  /** What the call was about, for messages: `disk d-1`, `3 instances`. */
  subject: string;
  /** The ids the call was about, carried by an error whose outcome is unknown. */
  ids: readonly string[];
  /** Each attempt's own deadline; each retry gets a fresh one. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** When the signal aborts a request in flight, throw an OutcomeUnknownError, not its reason. */
  abortIsUnknown?: boolean | undefined;
  retry: ResolvedRetry;
  /** Reads Retry-After dates. */
  now: () => Date;
}
