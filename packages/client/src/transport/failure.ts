// What a request that got no usable answer means. Only a failure to connect proves that
// nothing reached the server (NetworkError, outcome 'not-sent'); anything else — a timeout, a
// reset, a body cut short — may have come after the server read the request, so its outcome
// is unknown. When in doubt, unknown: a release reported as "not released" might be repeated.
import { NetworkError, OutcomeUnknownError, TimeoutError } from './errors.js';
import type { ExchangeContext } from './exchange-context.js';

/** Error codes (Node's and undici's) raised before a request could be written. */
const BEFORE_SENDING = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

type Cause = Error & { code?: unknown; cause?: Cause; errors?: Cause[] };

function codeOf(error: Cause | undefined): string | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (typeof e.code === 'string') return e.code;
    const inner = e.errors?.find((x) => typeof x?.code === 'string');
    if (inner) return inner.code as string;
  }
  return undefined;
}

export function failure(context: ExchangeContext, error: unknown, timedOut: boolean): unknown {
  const { operation, subject, ids, timeoutMs, signal } = context;
  if (signal?.aborted) {
    if (!context.abortIsUnknown) return signal.reason;
    return new OutcomeUnknownError(
      `${operation} ${subject}: aborted while the request was in flight; the outcome is unknown`,
      operation,
      ids,
      'connection-lost',
      { cause: signal.reason },
    );
  }
  if (timedOut)
    return new TimeoutError(`${operation} ${subject}: no answer within ${timeoutMs} ms`, operation, ids, timeoutMs, {
      cause: error,
    });
  const cause = error as Cause;
  const detail = cause.cause?.message ?? cause.message;
  const code = codeOf(cause);
  // fetch refuses a port the Fetch standard blocks ("bad port") before connecting at all.
  const refused = code !== undefined && (BEFORE_SENDING.has(code) || code.startsWith('ERR_SSL_'));
  if (refused || detail === 'bad port')
    return new NetworkError(`${operation} ${subject}: no answer (${detail})`, operation, { cause: error });
  return new OutcomeUnknownError(
    `${operation} ${subject}: the connection was lost (${detail}); the outcome is unknown`,
    operation,
    ids,
    'connection-lost',
    { cause: error },
  );
}
