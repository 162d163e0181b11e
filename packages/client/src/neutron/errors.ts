// What a Neutron error answer becomes: `type` is the exception class name clients match on.
import type { NeutronErrorType } from './types.js';

export class NeutronApiError extends Error {
  override readonly name = 'NeutronApiError';
  constructor(
    readonly portId: string,
    readonly status: number,
    /** NeutronError.type (e.g. PortNotFound); for Keystone's 401, its title (Unauthorized). */
    readonly type: NeutronErrorType | (string & {}) | undefined,
    readonly apiMessage: string,
  ) {
    super(`DeletePort port ${portId} failed: ${status} ${type ?? 'without an error type'} (${apiMessage})`);
  }
}

export function toNeutronError(portId: string, response: Response, body: unknown): NeutronApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as {
    NeutronError?: { type?: string; message?: string };
    error?: { title?: string; message?: string };
  };
  const type = b.NeutronError?.type ?? b.error?.title;
  const message = b.NeutronError?.message ?? b.error?.message ?? (typeof body === 'string' && body ? body.slice(0, 200) : response.statusText || 'no message');
  return new NeutronApiError(portId, response.status, type, message);
}
