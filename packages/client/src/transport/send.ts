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
  // One controller, a plain timer and a listener: AbortSignal.timeout and AbortSignal.any cost
  // ~15 µs and ~40 µs a call on Node 20, a tenth of a local round trip (see BENCHMARKS.md).
  // (A signal shared by many requests is worse still: undici only drops its listeners on GC.)
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no answer within ${context.timeoutMs} ms`, 'TimeoutError'));
  }, context.timeoutMs);
  const forward = () => controller.abort(context.signal!.reason);
  context.signal?.addEventListener('abort', forward, { once: true });
  try {
    return await send(controller.signal);
  } catch (error) {
    if (context.signal?.aborted) throw context.signal.reason;
    if (timedOut) {
      throw new TimeoutError(
        `${context.operation} ${context.subject}: no answer within ${context.timeoutMs} ms`,
        context.operation,
        context.timeoutMs,
        { cause: error },
      );
    }
    const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new NetworkError(`${context.operation} ${context.subject}: no answer (${reason})`, context.operation, {
      cause: error,
    });
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', forward);
  }
}
