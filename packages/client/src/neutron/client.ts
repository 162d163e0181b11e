// createNeutronClient(): Delete Port with typed errors, a timeout and pre-send validation.
import createClient from 'openapi-fetch';
import type { paths } from '../generated/neutron.js';
import { ValidationError } from '../transport/errors.js';
import { withSafeFace } from '../transport/redact.js';
import { attempt } from '../transport/send.js';
import { toNeutronError } from './errors.js';

export interface NeutronClientOptions {
  /** The `network` endpoint from your Keystone catalog, e.g. https://neutron.example:9696. */
  baseUrl: string;
  /** A Keystone token; sent as X-Auth-Token. */
  token: string;
  fetch?: typeof globalThis.fetch;
  /** Per request. Default 60 000 ms. */
  timeoutMs?: number;
}

export interface DeletePortOptions {
  signal?: AbortSignal;
  /** A 404 PortNotFound resolves as `{ alreadyGone: true }` (openstacksdk's ignore_missing). */
  ignoreMissing?: boolean;
  /** Sends `If-Match: revision_number=<n>`: delete only while the port is still at revision n. */
  ifMatchRevision?: number;
}

export interface DeletePortResult {
  alreadyGone: boolean;
}

export interface NeutronClient {
  deletePort(portId: string, options?: DeletePortOptions): Promise<DeletePortResult>;
}

// The spec's PortId pattern.
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function createNeutronClient(options: NeutronClientOptions): NeutronClient {
  const { baseUrl, token } = options;
  if (typeof baseUrl !== 'string' || !/^https?:\/\//.test(baseUrl)) {
    throw new ValidationError('baseUrl', 'an http(s) URL', `baseUrl must be an http(s) URL of the network endpoint (got ${JSON.stringify(baseUrl)})`);
  }
  if (typeof token !== 'string' || token === '') throw new ValidationError('token', 'a non-empty string', 'token must be a non-empty Keystone token');
  const timeoutMs = options.timeoutMs ?? 60_000;
  const api = createClient<paths>({ baseUrl, ...(options.fetch && { fetch: options.fetch }) });
  api.use({
    onRequest({ request }) {
      request.headers.set('X-Auth-Token', token);
      return request;
    },
  });

  const client: NeutronClient = {
    async deletePort(portId, opts = {}) {
      if (typeof portId !== 'string' || !UUID.test(portId)) {
        throw new ValidationError('portId', 'a UUID', `portId must be a UUID like 6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11 (got ${JSON.stringify(portId)}); nothing was sent`);
      }
      const revision = opts.ifMatchRevision;
      if (revision !== undefined && !(Number.isInteger(revision) && revision >= 0)) {
        throw new ValidationError('ifMatchRevision', 'an integer ≥ 0', `ifMatchRevision must be an integer ≥ 0 (got ${revision}); nothing was sent`);
      }
      const context = { operation: 'DeletePort', subject: `port ${portId}`, timeoutMs, signal: opts.signal };
      const { error, response } = await attempt(context, (signal) =>
        api.DELETE('/v2.0/ports/{port_id}', {
          params: { path: { port_id: portId }, ...(revision !== undefined && { header: { 'If-Match': `revision_number=${revision}` } }) },
          signal,
        }),
      );
      if (response.ok) return { alreadyGone: false };
      const apiError = toNeutronError(portId, response, error);
      if (opts.ignoreMissing && response.status === 404 && apiError.type === 'PortNotFound') return { alreadyGone: true };
      throw apiError;
    },
  };
  return withSafeFace(client, 'NeutronClient', () => ({ baseUrl, token: '***' }));
}
