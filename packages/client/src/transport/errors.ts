// Errors that are not an API's answer: bad input caught before sending, and a request that
// never got an answer. API answers have their own classes per provider.

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
}

/** The request got no HTTP answer: connection refused or reset, DNS, TLS… */
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
}

/** No answer within `timeoutMs`. A subclass of NetworkError: nothing came back. */
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
}
