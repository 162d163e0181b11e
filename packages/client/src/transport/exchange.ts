// The one attempt/retry loop both clients use: each attempt gets its own timeout, an answer is
// judged by the client (its value, or its typed refusal), and only answers the client calls
// retryable are sent again, after a jittered back-off. What is common to every answer is
// decided here: a redirect is refused, an oversized 2xx is an unknown outcome. A caller's own
// abort stays an abort (its reason rethrown as is, never retried), unless the caller asked for
// an account of it (`abortIsUnknown`): then a request in flight becomes an unknown outcome.
import { type CloudReleaseError, OutcomeUnknownError, RedirectError } from './errors.js';
import type { ExchangeContext } from './exchange-context.js';
import { failure } from './failure.js';
import { type Answer, isRedirect } from './response-limit.js';
import { backoffDelay, retryAfterMs } from './retry.js';

export type { ExchangeContext } from './exchange-context.js';

/** What a client makes of one answer: its value, or the error to throw (or retry, if retryable). */
export type Judgement<T> = { value: T } | { error: CloudReleaseError; retryable?: boolean };

/** For a judge: a 2xx that is not the documented answer, so whether it was acted on is unknown. */
export function unexpectedAnswer(context: ExchangeContext, response: Response, what: string): OutcomeUnknownError {
  const { operation, subject, ids } = context;
  return new OutcomeUnknownError(
    `${operation} ${subject}: ${response.status} answer is not ${what}; the outcome is unknown`,
    operation,
    ids,
    'unexpected-answer',
    { status: response.status },
  );
}

function locationOrigin(response: Response): string | undefined {
  // No Location (a browser's opaque redirect has no headers): nowhere is known, not the URL asked for.
  const location = response.headers.get('location');
  if (location === null) return undefined;
  try {
    // Only what the Location itself names: a relative one names no origin.
    const origin = new URL(location).origin;
    return origin === 'null' ? undefined : origin;
  } catch {
    // Not a URL, or a relative one: nowhere known.
  }
  return undefined;
}

/** What every answer means whoever the provider: a redirect, or a 2xx too large to read. */
function common(context: ExchangeContext, { response, tooLarge }: Answer): CloudReleaseError | undefined {
  const { operation, subject, ids } = context;
  if (isRedirect(response)) {
    const origin = locationOrigin(response);
    return new RedirectError(
      `${operation} ${subject}: answered ${response.status || 'a redirect'} to ${origin ?? 'an unknown place'}; redirects are not followed, so nothing was sent there`,
      operation,
      response.status,
      origin,
    );
  }
  if (response.ok && tooLarge) {
    return new OutcomeUnknownError(
      `${operation} ${subject}: ${response.status} answer too large to read; the outcome is unknown`,
      operation,
      ids,
      'response-too-large',
      { status: response.status },
    );
  }
  return undefined;
}

export async function exchange<T>(
  context: ExchangeContext,
  send: (signal: AbortSignal) => Promise<Answer>,
  judge: (answer: Answer) => Judgement<T>,
): Promise<T> {
  for (let retryNo = 0; ; retryNo++) {
    const result = await attempt(context, send);
    const error = common(context, result);
    if (error) throw error;
    const judgement = judge(result);
    if ('value' in judgement) return judgement.value;
    const delay = judgement.retryable
      ? backoffDelay(context.retry, retryNo, retryAfterMs(result.response.headers.get('retry-after'), context.now))
      : undefined;
    if (delay === undefined) throw judgement.error;
    try {
      await context.retry.sleep(delay, context.signal);
    } catch (reason) {
      // Stopped while waiting: the last answer was a refusal, and that is the account.
      if (context.abortIsUnknown && context.signal?.aborted) throw judgement.error;
      throw reason;
    }
  }
}

async function attempt(context: ExchangeContext, send: (signal: AbortSignal) => Promise<Answer>): Promise<Answer> {
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
  // Removed below once the attempt ends, whether or not it fired (an abort fires only once anyway).
  context.signal?.addEventListener('abort', forward);
  try {
    return await send(controller.signal);
  } catch (error) {
    throw failure(context, error, timedOut);
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', forward);
  }
}
