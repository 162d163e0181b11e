// The one root every error of this package derives from, and the errors that are not an
// API's answer. Each says what happened to the request on the server side (`outcome`), so a
// caller (or the CLI) can act on it without a chain of instanceof checks. None of them holds
// the request (its headers carry credentials), only what failed and why.

/** What happened to the request on the server side. */
export type Outcome = 'not-sent' | 'refused' | 'unknown';

/** Why the outcome of a request that was sent is unknown. */
export type UnknownReason = 'timeout' | 'connection-lost' | 'unexpected-answer' | 'response-too-large';

/** An error's own facts as plain data: nested errors by their own toJSON, anything else as is. */
function facts(value: unknown): unknown {
  if (value instanceof CloudReleaseError) return value.toJSON();
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (Array.isArray(value)) return value.map(facts);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, facts(v)]));
  return value;
}

/** The root of every error @cloud-release/client throws. */
export abstract class CloudReleaseError extends Error {
  abstract override readonly name: string;
  /** What happened to the request on the server side. */
  readonly outcome: Outcome;
  /** The HTTP status, where there was an answer. */
  readonly status?: number;
  /** The provider's code, Neutron's type, or this package's own code. */
  readonly code?: string | undefined;

  constructor(
    message: string,
    head: { outcome: Outcome; status?: number | undefined; code?: string | undefined },
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.outcome = head.outcome;
    // Declared fields are own properties already (ES2022 class fields): undefined stays undefined.
    this.status = head.status;
    this.code = head.code;
  }

  /** For JSON logs: name, message, outcome, status, code and the subclass's own facts; never a secret. */
  toJSON(): Record<string, unknown> {
    // The head first, in this order, then the subclass's facts; the head's own fields come
    // round again in the loop as the same primitives, and keep the place given here.
    const { name, message, outcome, status, code } = this;
    const json: Record<string, unknown> = { name, message, outcome, status, code };
    for (const [key, value] of Object.entries(this)) json[key] = facts(value);
    return json;
  }
}

/** Bad input, caught before anything is sent. Names the field and the limit. */
export class ValidationError extends CloudReleaseError {
  override readonly name = 'ValidationError';
  constructor(
    /** The offending field, e.g. `instanceIds[3]` or `portId`. */
    readonly field: string,
    /** The rule it broke, e.g. `at least 1 id`. */
    readonly limit: string,
    message: string,
  ) {
    super(message, { outcome: 'not-sent' });
  }
}

/** No connection was made (refused, DNS, TLS before the request): nothing reached the server. */
export class NetworkError extends CloudReleaseError {
  override readonly name = 'NetworkError';
  constructor(
    message: string,
    /** The operation, e.g. `ReleaseDisk` or `DeletePort`. */
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(message, { outcome: 'not-sent' }, options);
  }
}

/**
 * The request was sent, but whether the server acted on it is unknown: no answer in time, the
 * connection lost, or an answer that is not the documented one. Re-run with ignoreMissing, or
 * look the resources up, before treating `ids` as either released or not.
 */
export class OutcomeUnknownError extends CloudReleaseError {
  override readonly name: string = 'OutcomeUnknownError';
  constructor(
    message: string,
    /** The operation, e.g. `ReleaseInstances`. */
    readonly operation: string,
    /** The ids the request was about. */
    readonly ids: readonly string[],
    readonly reason: UnknownReason,
    options?: { cause?: unknown; status?: number | undefined },
  ) {
    super(message, { outcome: 'unknown', status: options?.status }, options);
  }
}

/** No answer within `timeoutMs` (one attempt). Never retried: the release may have been accepted. */
export class TimeoutError extends OutcomeUnknownError {
  override readonly name = 'TimeoutError';
  constructor(
    message: string,
    operation: string,
    ids: readonly string[],
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, operation, ids, 'timeout', options);
  }
}

/** The server answered with a redirect, which is never followed: nothing was sent elsewhere. */
export class RedirectError extends CloudReleaseError {
  override readonly name = 'RedirectError';
  constructor(
    message: string,
    /** The operation, e.g. `DeletePort`. */
    readonly operation: string,
    status: number,
    /** The Location's origin only (never its path, query or userinfo); undefined without one. */
    readonly locationOrigin: string | undefined,
  ) {
    super(message, { outcome: 'refused', status });
  }
}
