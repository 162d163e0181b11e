// What a Neutron error answer becomes: `type` is the exception class name clients match on.
// Like ZenlayerApiError, it holds the answer's facts only, never the request or the token.
import { CloudReleaseError } from '../transport/errors.js';
import type { NeutronErrorType } from './types.js';

/** Neutron (or Keystone, for 401) answered DELETE /v2.0/ports/{id} with an error status. */
export class NeutronApiError extends CloudReleaseError {
  override readonly name = 'NeutronApiError';
  /** The HTTP status. */
  declare readonly status: number;
  constructor(
    /** The port the call was about. */
    readonly portId: string,
    status: number,
    /**
     * NeutronError.type (e.g. PortNotFound), typed as the spec's names; for Keystone's 401 its
     * `error.title` (Unauthorized); undefined when the body was neither shape. Also `code`.
     */
    readonly type: NeutronErrorType | (string & {}) | undefined,
    /** The human-readable message from the body. */
    readonly apiMessage: string,
    /** The X-Openstack-Request-Id of the answer: quote it to the operator. */
    readonly requestId?: string | undefined,
  ) {
    const ref = requestId ? ` [requestId ${requestId}]` : '';
    super(`DeletePort port ${portId} failed: ${status} ${type ?? 'without an error type'} (${apiMessage})${ref}`, {
      outcome: 'refused',
      status,
      code: type,
    });
  }
}

/** Reads NeutronError's envelope, Keystone's 401 envelope, or anything else as plain text. */
export function toNeutronError(portId: string, response: Response, body: unknown): NeutronApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as {
    NeutronError?: { type?: unknown; message?: unknown };
    error?: { title?: unknown; message?: unknown };
  };
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const type = str(b.NeutronError?.type) ?? str(b.error?.title);
  const text = typeof body === 'string' ? body.trim() : '';
  const message =
    str(b.NeutronError?.message) ??
    str(b.error?.message) ??
    (text ? text.slice(0, 200) : response.statusText || 'no message');
  const requestId = response.headers.get('x-openstack-request-id') || undefined;
  return new NeutronApiError(portId, response.status, type, message, requestId);
}
