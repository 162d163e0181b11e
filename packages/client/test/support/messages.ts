// Every message format the clients' errors use, written once. Tests elsewhere build the message
// they expect from its parts (the call, the status, what was expected, the ids), so rewording a
// message changes this file and the source only, and each test still checks its own parts.

/** `ReleaseDisk disk d-1`, `ListPorts ports`: the operation and what the call was about. */
type Call = string;

export const messages = {
  unexpectedAnswer: (call: Call, status: number, what: string) =>
    `${call}: ${status} answer is not ${what}; the outcome is unknown`,
  tooLarge: (call: Call, status: number) => `${call}: ${status} answer too large to read; the outcome is unknown`,
  redirect: (call: Call, status: number | 'a redirect', origin = 'an unknown place') =>
    `${call}: answered ${status} to ${origin}; redirects are not followed, so nothing was sent there`,
  abortedInFlight: (call: Call) => `${call}: aborted while the request was in flight; the outcome is unknown`,
  timeout: (call: Call, ms: number) => `${call}: no answer within ${ms} ms`,
  notSent: (call: Call, detail: string) => `${call}: no answer (${detail})`,
  connectionLost: (call: Call, detail: string) =>
    `${call}: the connection was lost (${detail}); the outcome is unknown`,
  /** A ZenlayerApiError: the action and its ids as describeIds names them. */
  zenlayerRefusal: (head: string, status: number, code: string | undefined, apiMessage: string, requestId?: string) =>
    `${head} failed: ${status} ${code ?? 'without an error code'} (${apiMessage})${requestId ? ` [requestId ${requestId}]` : ''}`,
  /** A NeutronApiError: the operation and its port (`ports` for a list). */
  neutronRefusal: (call: Call, status: number, type: string | undefined, apiMessage: string, requestId?: string) =>
    `${call} failed: ${status} ${type ?? 'without an error type'} (${apiMessage})${requestId ? ` [requestId ${requestId}]` : ''}`,
  /** What stands for an error answer's body over maxResponseBytes. */
  bodyTooLarge: (bytes: number) => `response body over ${bytes} bytes, not read`,
  /** A ZenlayerBatchError: its parts (below), then the message of each refused or unknown batch. */
  batch: (parts: string[], errors: string[] = []) =>
    `ReleaseInstances: ${parts.join('; ')}. ${errors.join('; ')}`.trim(),
  /** `of` counts batches (`1 of 3 batches`), `instances` ids (`2 instances`); `ids` as describeIds names them. */
  batchFailed: (of: string, instances: string, ids: string) => `${of} failed, ${instances} not released (${ids})`,
  batchUnknown: (of: string, instances: string, ids: string) =>
    `${of} with an unknown outcome, ${instances} may have been released (${ids})`,
  batchNotSent: (instances: string, ids: string, reason?: string) =>
    `${instances} not sent (${ids}), stopped${reason === undefined ? '' : `: ${reason}`}`,
  /** A ValidationError at construction: `maxResponseBytes must be an integer ≥ 1 (got 0)`. */
  refused: (field: string, rule: string, got: string) => `${field} must ${rule} (got ${got})`,
  /** A ValidationError of a call's input, which also says that nothing was sent. */
  refusedUnsent: (field: string, rule: string, got: string) => `${field} must ${rule} (got ${got}); nothing was sent`,
};
