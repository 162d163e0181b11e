// Neutron's own `NeutronError` envelope, Keystone's shape for a 401 (in a real cloud the
// Keystone middleware answers it before Neutron sees the request), and Neutron's request ids.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../answer.js';

/** oslo.middleware's request ids: "req-" and a lower-case UUID. */
export const newRequestId = () => `req-${randomUUID()}`;

export const neutronError = (status: number, type: string, message: string, operation?: string): Answer => ({
  status,
  body: { NeutronError: { type, message, detail: '' } },
  note: type,
  ...(operation && { operation }),
});

/** Every answer under /v2.0 carries a fresh `X-Openstack-Request-Id`. */
export const withRequestId = (answer: Answer): Answer => ({
  ...answer,
  headers: { ...answer.headers, 'x-openstack-request-id': newRequestId() },
});

export const keystoneUnauthorized = (operation: string): Answer => ({
  status: 401,
  body: { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } },
  note: 'Unauthorized',
  operation,
});

export const internalError = (message: string): Answer => ({
  ...neutronError(500, 'HTTPInternalServerError', `Mock failure: ${message}`),
  note: 'mock failure',
});
