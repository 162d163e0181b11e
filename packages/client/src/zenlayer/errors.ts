// What a Zenlayer error answer becomes. `code` is the contract (typed as the spec's union);
// the vendor's `message` is kept as `apiMessage` for humans. An error holds the answer's facts
// only — never the request, its headers or the client — so it cannot carry a credential.
import { describeIds } from '../describe-ids.js';
import { CloudReleaseError } from '../transport/errors.js';
import type { ZenlayerAction, ZenlayerErrorCode } from './types.js';

/**
 * Per action, the codes that mean "this resource is already gone" — what `ignoreMissing`
 * accepts — as the official Terraform provider reads them: ReleaseInstances only its own
 * not-found code (the generic OPERATION_FAILED_RESOURCE_NOT_FOUND could be about something
 * else in a batch).
 */
export const ALREADY_GONE_CODES: { readonly [A in ZenlayerAction]: ReadonlySet<ZenlayerErrorCode<A>> } = {
  ReleaseInstances: new Set(['INVALID_INSTANCE_NOT_FOUND']),
  ReleaseDisk: new Set(['INVALID_DISK_NOT_FOUND', 'OPERATION_FAILED_RESOURCE_NOT_FOUND']),
  DestroyPort: new Set([
    'SELF_SERVICE_PORT_NOT_FOUND',
    'INVALID_PORT_NOT_FOUND',
    'OPERATION_FAILED_RESOURCE_NOT_FOUND',
  ]),
};

/**
 * Every not-found code of the three actions: the spec's 404 codes (PortNotFoundCode,
 * DiskNotFoundCode, InstanceNotFoundCode); test/spec-limits.test.ts keeps the two equal.
 */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set<string>(
  Object.values(ALREADY_GONE_CODES).flatMap((codes) => [...codes]),
);

/**
 * Codes for an edge proxy's answers, which carry no envelope, as the official Python and Java
 * SDKs name them: a 403 with `cf-mitigated: challenge`, and a 451.
 */
export type ZenlayerEdgeCode = 'SECURITY_CHALLENGE' | 'REQUEST_BLOCKED';

function edgeCode(response: Response): ZenlayerEdgeCode | undefined {
  if (response.status === 403 && response.headers.get('cf-mitigated')?.toLowerCase() === 'challenge')
    return 'SECURITY_CHALLENGE';
  return response.status === 451 ? 'REQUEST_BLOCKED' : undefined;
}

/**
 * `instanceof ZenlayerApiError` narrows to `ZenlayerApiError<any>`; read `any` as every action,
 * so the narrowed `code` is still the union of every documented code.
 */
type CodeOf<A extends ZenlayerAction> = string extends A ? ZenlayerErrorCode : ZenlayerErrorCode<A>;

/** The API answered with an error status. */
export class ZenlayerApiError<A extends ZenlayerAction = ZenlayerAction> extends CloudReleaseError {
  override readonly name = 'ZenlayerApiError';
  /** The HTTP status. */
  declare readonly status: number;
  /**
   * The envelope's `code`, typed as the codes the spec documents for the action. `undefined`
   * when the answer was not the documented envelope (a proxy's HTML page, an empty body…).
   */
  declare readonly code: CodeOf<A> | ZenlayerEdgeCode | undefined;

  constructor(
    /** The action that failed, e.g. `ReleaseDisk`. */
    readonly action: A,
    /** The ids the call was about. */
    readonly resourceIds: readonly string[],
    status: number,
    code: ZenlayerErrorCode<A> | ZenlayerEdgeCode | undefined,
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

  /** True for the action's already-gone codes ({@link ALREADY_GONE_CODES}). */
  get isNotFound(): boolean {
    return (ALREADY_GONE_CODES[this.action] as ReadonlySet<string>).has(this.code as string);
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
    typeof envelope.code === 'string' && envelope.code !== ''
      ? (envelope.code as ZenlayerErrorCode<A>)
      : edgeCode(response),
    typeof envelope.requestId === 'string' && envelope.requestId !== '' ? envelope.requestId : undefined,
    typeof envelope.message === 'string'
      ? envelope.message
      : text
        ? text.slice(0, 200)
        : response.statusText || 'no message',
  );
}
