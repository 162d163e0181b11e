// What a Zenlayer error answer becomes. `code` is the contract (typed as the spec's union);
// the vendor's `message` is kept as `apiMessage` for humans. An error holds the answer's facts
// only — never the request, its headers or the client — so it cannot carry a credential.
import { describeIds } from '../describe-ids.js';
import { CloudReleaseError } from '../transport/errors.js';
import type { ZenlayerAction, ZenlayerErrorCode } from './types.js';

/**
 * The codes that mean "this resource does not exist" — what `ignoreMissing` accepts. The spec's
 * 404 codes (PortNotFoundCode, DiskNotFoundCode, InstanceNotFoundCode); test/spec-limits.test.ts
 * keeps the two equal.
 */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set<ZenlayerErrorCode>([
  'INVALID_INSTANCE_NOT_FOUND',
  'INVALID_DISK_NOT_FOUND',
  'SELF_SERVICE_PORT_NOT_FOUND',
  'INVALID_PORT_NOT_FOUND',
  'OPERATION_FAILED_RESOURCE_NOT_FOUND',
]);

/** The API answered with an error status. */
export class ZenlayerApiError<A extends ZenlayerAction = ZenlayerAction> extends CloudReleaseError {
  override readonly name = 'ZenlayerApiError';
  /** The HTTP status. */
  declare readonly status: number;
  /**
   * The envelope's `code`, typed as the codes the spec documents for the action. `undefined`
   * when the answer was not the documented envelope (a proxy's HTML page, an empty body…).
   */
  declare readonly code: ZenlayerErrorCode<A> | undefined;

  constructor(
    /** The action that failed, e.g. `ReleaseDisk`. */
    readonly action: A,
    /** The ids the call was about. */
    readonly resourceIds: readonly string[],
    status: number,
    code: ZenlayerErrorCode<A> | undefined,
    /** The envelope's `requestId`: quote it to the vendor. */
    readonly requestId: string | undefined,
    /** The vendor's human-readable `message` (or the start of a non-envelope body). */
    readonly apiMessage: string,
  ) {
    super(
      `${action} ${describeIds(resourceIds)} failed: ${status} ${code ?? 'without an error code'} (${apiMessage})${requestId ? ` [requestId ${requestId}]` : ''}`,
      { outcome: 'refused', status, code },
    );
  }

  /** True for the not-found codes (the resource is already gone). */
  get isNotFound(): boolean {
    return this.code !== undefined && NOT_FOUND_CODES.has(this.code);
  }
}

/** Reads an error answer; tolerates bodies that are not the documented envelope. */
export function toApiError<A extends ZenlayerAction>(
  action: A,
  ids: readonly string[],
  response: Response,
  body: unknown,
): ZenlayerApiError<A> {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as {
    code?: unknown;
    requestId?: unknown;
    message?: unknown;
  };
  const text = typeof body === 'string' ? body.trim() : undefined;
  return new ZenlayerApiError(
    action,
    ids,
    response.status,
    typeof envelope.code === 'string' && envelope.code !== '' ? (envelope.code as ZenlayerErrorCode<A>) : undefined,
    typeof envelope.requestId === 'string' && envelope.requestId !== '' ? envelope.requestId : undefined,
    typeof envelope.message === 'string'
      ? envelope.message
      : text
        ? text.slice(0, 200)
        : response.statusText || 'no message',
  );
}
