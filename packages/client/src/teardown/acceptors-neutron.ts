// Neutron's acceptor table for "port gone", as openstacksdk's wait_for_delete reads it: a 404
// on GET is gone; any documented port status keeps polling (Neutron deletes synchronously, so
// a port still shown right after a 204 is a read racing the delete); anything else fails.
import { NeutronApiError } from '../neutron/errors.js';
import type { Verdict, WaiterTimings } from './waiter.js';

/** spec/neutron.yaml Port.status. */
export const NEUTRON_PORT_STATUSES: ReadonlySet<string> = new Set(['ACTIVE', 'DOWN', 'BUILD', 'ERROR', 'N/A']);

export function judgeNeutronGone(status: string | null): Verdict {
  if (status === null) return 'success';
  return NEUTRON_PORT_STATUSES.has(status) ? 'retry' : 'failure';
}

/** A GET's 404 PortNotFound: the port is gone. */
export function isPortNotFound(error: unknown): boolean {
  return error instanceof NeutronApiError && error.status === 404 && error.type === 'PortNotFound';
}

/** Errors during a poll that do not end a wait: rate limits and a service briefly unavailable. */
export function isNeutronTransient(error: unknown): boolean {
  return error instanceof NeutronApiError && [429, 500, 503].includes(error.status);
}

/** openstacksdk's network proxy: every 2 s, 120 s in all. */
export const NEUTRON_WAIT: Required<WaiterTimings> = { minDelayMs: 2000, maxDelayMs: 2000, maxWaitMs: 120_000 };
