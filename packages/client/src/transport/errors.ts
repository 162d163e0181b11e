// Errors that are not an API's answer: bad input caught before sending, and a request that
// never got an answer. API answers have their own classes per provider. None of them holds
// the request (its headers carry credentials), only what failed and why.

/** Bad input, caught before anything is sent. Names the field and the limit. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    /** The offending field, e.g. `instanceIds[3]` or `portId`. */
    readonly field: string,
    /** The rule it broke, e.g. `at least 1 id`. */
    readonly limit: string,
    message: string,
  ) {
    super(message);
  }

  toJSON() {
    return { name: this.name, message: this.message, field: this.field, limit: this.limit };
  }
}

/** The request got no HTTP answer: connection refused or reset, DNS, TLS… `cause` has the detail. */
export class NetworkError extends Error {
  override readonly name: string = 'NetworkError';
  constructor(
    message: string,
    /** The operation, e.g. `ReleaseDisk` or `DeletePort`. */
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, operation: this.operation };
  }
}

/**
 * No answer within `timeoutMs` (one attempt). A subclass of NetworkError: nothing came back.
 * Not retried: the release may have been accepted without the answer arriving.
 */
export class TimeoutError extends NetworkError {
  override readonly name = 'TimeoutError';
  constructor(
    message: string,
    operation: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(message, operation, options);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs };
  }
}
