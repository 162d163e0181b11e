// What a Zenlayer error answer becomes. `code` is the contract (typed as the spec's union);
// the vendor's `message` is kept as `apiMessage` for humans.
import type { ZenlayerAction, ZenlayerErrorCode } from './types.js';

/** The codes that mean "this resource does not exist" — what `ignoreMissing` accepts. */
export const NOT_FOUND_CODES: ReadonlySet<string> = new Set<ZenlayerErrorCode>([
  'INVALID_INSTANCE_NOT_FOUND',
  'INVALID_DISK_NOT_FOUND',
  'SELF_SERVICE_PORT_NOT_FOUND',
  'INVALID_PORT_NOT_FOUND',
  'OPERATION_FAILED_RESOURCE_NOT_FOUND',
]);

export class ZenlayerApiError<A extends ZenlayerAction = ZenlayerAction> extends Error {
  override readonly name = 'ZenlayerApiError';
  constructor(
    readonly action: A,
    /** The ids the call was about. */
    readonly resourceIds: readonly string[],
    readonly status: number,
    /** The spec's code union; undefined when the answer was not the documented envelope. */
    readonly code: ZenlayerErrorCode<A> | undefined,
    readonly requestId: string | undefined,
    readonly apiMessage: string,
  ) {
    super(`${action} ${describeIds(resourceIds)} failed: ${status} ${code ?? 'without an error code'} (${apiMessage})${requestId ? ` [requestId ${requestId}]` : ''}`);
  }

  /** True for the not-found codes (the resource is already gone). */
  get isNotFound(): boolean {
    return this.code !== undefined && NOT_FOUND_CODES.has(this.code);
  }
}

export function describeIds(ids: readonly string[]): string {
  if (ids.length <= 3) return ids.join(', ');
  return `${ids.slice(0, 2).join(', ')} … ${ids[ids.length - 1]} (${ids.length} ids)`;
}

/** Reads an error answer; tolerates bodies that are not the documented envelope. */
export async function toApiError<A extends ZenlayerAction>(action: A, ids: readonly string[], response: Response, body: unknown): Promise<ZenlayerApiError<A>> {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as { code?: unknown; requestId?: unknown; message?: unknown };
  const text = typeof body === 'string' ? body : undefined;
  return new ZenlayerApiError(
    action,
    ids,
    response.status,
    typeof envelope.code === 'string' ? (envelope.code as ZenlayerErrorCode<A>) : undefined,
    typeof envelope.requestId === 'string' ? envelope.requestId : undefined,
    typeof envelope.message === 'string' ? envelope.message : (text?.slice(0, 200) || response.statusText || 'no message'),
  );
}
