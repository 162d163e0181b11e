// createNeutronClient(): Delete Port, and the reads real clients make around it (show and list
// ports), with typed errors, a timeout and pre-send validation. No retries: Neutron's
// documented errors (403, 404, 409, 412) are all final answers.
import { ValidationError } from '../transport/errors.js';
import { exchange, unexpectedAnswer } from '../transport/exchange.js';
import { DEFAULT_TIMEOUT_MS, requireHttpUrl, requireInteger, requireMs } from '../transport/options.js';
import { MASK, withSafeFace } from '../transport/redact.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../transport/response-limit.js';
import { resolveRetry } from '../transport/retry.js';
import { errorBody, sender } from '../transport/wire.js';
import { toNeutronError } from './errors.js';
import { type NeutronReads, readMethods } from './reads.js';
import { portRequests } from './requests.js';

export interface NeutronClientOptions {
  /** The `network` endpoint from your Keystone catalog, e.g. https://neutron.example:9696. */
  baseUrl: string;
  /** A Keystone token; sent as X-Auth-Token, never printed or put in an error. */
  token: string;
  /** The fetch to send with. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Per request. Default {@link DEFAULT_TIMEOUT_MS} (60 s), as the Zenlayer client. */
  timeoutMs?: number;
  /** The largest answer body read; a larger one is never buffered. Default 1 MiB. */
  maxResponseBytes?: number;
}

export interface DeletePortOptions {
  /** Aborts the call; it rejects with the signal's reason. */
  signal?: AbortSignal;
  /** A 404 PortNotFound resolves as `{ alreadyGone: true }` (openstacksdk's ignore_missing). */
  ignoreMissing?: boolean;
  /** Sends `If-Match: revision_number=<n>`: delete only while the port is still at revision n (else 412). */
  ifMatchRevision?: number;
}

export interface DeletePortResult {
  /** True only with `ignoreMissing`, when the port did not exist. */
  alreadyGone: boolean;
}

export interface NeutronClient extends NeutronReads {
  /** DELETE /v2.0/ports/{portId}. Rejects with NeutronApiError, NetworkError/TimeoutError or ValidationError. */
  deletePort(portId: string, options?: DeletePortOptions): Promise<DeletePortResult>;
}

/** The spec's PortId pattern (spec/neutron.yaml, components.schemas.PortId). */
export const PORT_ID_PATTERN = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** Neutron's documented errors (403, 404, 409, 412) are all final answers: nothing is retried. */
const NO_RETRY = resolveRetry(false);
const now = () => new Date();

/** The port id as the spec's pattern allows it, or a ValidationError before anything is sent. */
function checkPortId(portId: unknown): string {
  if (typeof portId !== 'string' || !PORT_ID_PATTERN.test(portId)) {
    throw new ValidationError(
      'portId',
      'a UUID',
      `portId must be a UUID like 6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11 (got ${JSON.stringify(portId) ?? String(portId)}); nothing was sent`,
    );
  }
  return portId;
}

/**
 * The Neutron client: Delete Port with the Keystone token, optional `If-Match`, typed errors
 * and a timeout. The port id must be a UUID (the spec's pattern), checked before sending.
 *
 * @throws ValidationError at once for a missing token, a bad baseUrl or timeoutMs.
 */
export function createNeutronClient(options: NeutronClientOptions): NeutronClient {
  const baseUrl = requireHttpUrl('baseUrl', options?.baseUrl);
  const token: unknown = options.token;
  if (typeof token !== 'string' || token.trim() === '')
    throw new ValidationError('token', 'a non-empty string', 'token must be a non-empty Keystone token');
  const timeoutMs = requireMs('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1);
  const maxBytes = requireInteger('maxResponseBytes', options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES);
  const send = sender(options.fetch ?? globalThis.fetch, maxBytes);
  const requests = portRequests(baseUrl, token);

  const client: NeutronClient = {
    async deletePort(portId, opts = {}) {
      checkPortId(portId);
      const revision: unknown = opts.ifMatchRevision;
      // Number.isSafeInteger is false for anything but a number, so the cast only names the type.
      if (revision !== undefined && !(Number.isSafeInteger(revision) && (revision as number) >= 0)) {
        throw new ValidationError(
          'ifMatchRevision',
          'an integer ≥ 0',
          `ifMatchRevision must be an integer ≥ 0 (got ${JSON.stringify(revision) ?? String(revision)}); nothing was sent`,
        );
      }
      const context = {
        operation: 'DeletePort',
        subject: `port ${portId}`,
        ids: [portId],
        timeoutMs,
        signal: opts.signal,
        retry: NO_RETRY,
        now,
      };
      const request = requests.deletePort(portId, revision as number | undefined);
      return exchange<DeletePortResult>(
        context,
        (signal) => send(request, signal),
        ({ response, text }) => {
          if (response.status === 204) return { value: { alreadyGone: false } };
          if (response.ok) return { error: unexpectedAnswer(context, response, '204 No Content') };
          const apiError = toNeutronError(portId, response, errorBody(text));
          if (opts.ignoreMissing && response.status === 404 && apiError.type === 'PortNotFound')
            return { value: { alreadyGone: true } };
          return { error: apiError };
        },
      );
    },
    ...readMethods(send, requests, { timeoutMs, retry: NO_RETRY, now }, checkPortId),
  };
  return withSafeFace(client, 'NeutronClient', () => ({ baseUrl, token: MASK }));
}
