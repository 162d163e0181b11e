// Seeing what a client sends, with credentials masked: for logs, tours and dry runs.
// Both helpers wrap `fetch`, so they work with any client that accepts a `fetch` option.
import { MASK } from './redact.js';

export interface ObservedRequest {
  method: string;
  url: string;
  /** Header names lower-cased; Authorization and X-Auth-Token masked. */
  headers: Record<string, string>;
  body: string;
}

export interface ObservedResponse {
  status: number;
  /** Parsed JSON, the text when it is not JSON, undefined when empty. */
  body: unknown;
}

/** Masks the secret part of credential headers; keeps what helps debugging (the key id). */
export function maskCredentials(name: string, value: string): string {
  const header = name.toLowerCase();
  if (header === 'x-auth-token') return MASK;
  if (header !== 'authorization') return value;
  if (value.startsWith('Bearer ')) return `Bearer ${MASK}`;
  return value.replace(/Signature=[0-9a-f]+/i, `Signature=${MASK}`);
}

async function observe(request: Request): Promise<ObservedRequest> {
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = maskCredentials(name, value);
  });
  return { method: request.method, url: request.url, headers, body: request.body ? await request.clone().text() : '' };
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.clone().text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface ObserverHooks {
  onRequest?(request: ObservedRequest): void;
  onResponse?(request: ObservedRequest, response: ObservedResponse): void;
}

/** A fetch that reports each request and its answer (masked) and otherwise behaves as `base`. */
export function observingFetch(hooks: ObserverHooks, base: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const observed = await observe(request);
    hooks.onRequest?.(observed);
    const response = await base(request);
    hooks.onResponse?.(observed, { status: response.status, body: await readBody(response) });
    return response;
  };
}

export const DRY_RUN_REQUEST_ID = 'DRY-RUN';

/**
 * A fetch that sends nothing: it reports the exact request the client built (signed, masked)
 * and answers as the API does when it accepts: Zenlayer's 200 envelope (an empty dataSet for a
 * Describe*), Neutron's 204.
 */
export function dryRunFetch(onRequest: (request: ObservedRequest) => void): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    onRequest(await observe(request));
    if (request.method === 'DELETE') return new Response(null, { status: 204 });
    // A read gets the documented answer about nothing (an empty dataSet), which the client's
    // answer checks accept; it proves nothing about the ids, and a dry run acts on nothing.
    const read = request.headers.get('x-zc-action')?.startsWith('Describe') === true;
    const response = read
      ? { requestId: DRY_RUN_REQUEST_ID, totalCount: 0, dataSet: [] }
      : { requestId: DRY_RUN_REQUEST_ID };
    const accepted = { requestId: DRY_RUN_REQUEST_ID, response };
    // 200, a Response's default status.
    return new Response(JSON.stringify(accepted), { headers: { 'content-type': 'application/json' } });
  };
}
