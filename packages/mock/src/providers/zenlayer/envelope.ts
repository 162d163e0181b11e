// Zenlayer's one answer shape: `{ requestId, code, message }`, and its request ids.
import { randomUUID } from 'node:crypto';
import type { Answer } from '../../answer.js';

/** Request ids look like the vendor's: "T" and an upper-case UUID. */
export const newRequestId = () => `T${randomUUID().toUpperCase()}`;

export const envelope = (status: number, code: string, message: string, operation?: string): Answer => ({
  status,
  body: { requestId: newRequestId(), code, message },
  note: code,
  ...(operation && { operation }),
});

export const internalError = (message: string): Answer => ({
  ...envelope(500, 'INTERNAL_SERVER_ERROR', `Mock failure: ${message}`),
  note: 'mock failure',
});
