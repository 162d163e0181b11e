// One attempt with a timeout, turning "no answer" into NetworkError/TimeoutError while a
// caller's own abort stays an abort (its reason is rethrown as is, and never retried).
import { NetworkError, TimeoutError } from './errors.js';

export interface AttemptContext {
  operation: string;
  /** What the call was about, for messages: `disk d-1`, `3 instances`. */
  subject: string;
  /** This attempt's own deadline; each retry gets a fresh one. */
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

export async function attempt<T>(context: AttemptContext, send: (signal: AbortSignal) => Promise<T>): Promise<T> {
  // An already-aborted call sends nothing (also after a back-off whose sleep ignored the signal).
  context.signal?.throwIfAborted();
  const timeout = AbortSignal.timeout(context.timeoutMs);
  // AbortSignal.any (Node ≥ 20.3): whichever fires first aborts the request; which one it was
  // decides the error below.
  const signal = context.signal ? AbortSignal.any([context.signal, timeout]) : timeout;
  try {
    return await send(signal);
  } catch (error) {
    if (context.signal?.aborted) throw context.signal.reason;
    if (timeout.aborted) {
      throw new TimeoutError(`${context.operation} ${context.subject}: no answer within ${context.timeoutMs} ms`, context.operation, context.timeoutMs, { cause: error });
    }
    const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new NetworkError(`${context.operation} ${context.subject}: no answer (${reason})`, context.operation, { cause: error });
  }
}
