// The Fetch API's values and the engine's, both ways: a Request becomes an Arrival (as a socket's
// request would: same header names and values, a Host, the body under the same limit) and a
// Reply a Response. Shared by the in-process fetch and the MSW handlers.
import { BodyAbandoned, readStreamBody, textBody } from '../body.js';
import type { Arrival } from '../engine/arrival.js';
import { type Reply, resetShare } from '../engine/reply.js';
import { utf8Bytes } from '../utf8.js';

/** The origin a mock answers for: `http(s)://host[:port]`, with nothing after it. */
export function originOf(baseUrl: unknown, field = 'baseUrl'): string {
  let url: URL | undefined;
  try {
    url = new URL(String(baseUrl));
  } catch {}
  if (
    typeof baseUrl !== 'string' ||
    !url ||
    !['http:', 'https:'].includes(url.protocol) ||
    url.pathname !== '/' ||
    url.search ||
    url.hash ||
    url.username ||
    url.password
  )
    throw new TypeError(
      `${field} must be an http(s) origin such as http://mock.invalid, with no path, query or credentials (got ${JSON.stringify(baseUrl)})`,
    );
  return url.origin;
}

/** A fetch's Request, and its body when it was a string (then the Request was built without it). */
export interface SentRequest {
  request: Request;
  url: URL;
  text?: string;
}

/**
 * The Request fetch would build for `(input, init)`. A string body (what JSON clients send) is
 * kept as the string, with the Content-Type a Request gives it: a Request holding it would put it
 * in a stream, costing more than the rest of the way in. Anything else, and a GET or HEAD with a
 * body (which Request refuses), is built as fetch builds it. Throws as `new Request` does.
 */
export function requestOf(input: RequestInfo | URL, init: RequestInit | undefined): SentRequest {
  if (typeof init?.body === 'string' && !(input instanceof Request) && !init.keepalive) {
    const request = new Request(input, { ...init, body: null });
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      if (!request.headers.has('content-type')) request.headers.set('content-type', 'text/plain;charset=UTF-8');
      return { request, url: new URL(request.url), text: init.body };
    }
  }
  const request = new Request(input, init);
  return { request, url: new URL(request.url) };
}

/** The Request as the engine reads it; `bodyAbandoned()` says whether its reading gave up (past the drain limit). */
export function arrivalOf({ request, url, text }: SentRequest): { arrival: Arrival; bodyAbandoned(): boolean } {
  // No prototype: a header named like an Object.prototype member reads nothing inherited.
  const headers: Record<string, string> = Object.create(null);
  // A socket's request always has a Host, which fetch writes from the URL (Zenlayer signs it).
  headers.host = url.host;
  // …and an Accept, which fetch sends as */* when the caller set none (Prism negotiates on it).
  headers.accept = '*/*';
  // Headers iterates lower-cased names with repeats joined by ', ', as node:http does.
  for (const [name, value] of request.headers) headers[name] = value;
  let abandoned = false;
  const read = async () => (text === undefined ? readStreamBody(request.body) : textBody(text));
  return {
    arrival: {
      method: request.method,
      target: `${url.pathname}${url.search}`,
      headers,
      readBody: () =>
        read().catch((error: unknown) => {
          if (error instanceof BodyAbandoned) abandoned = true;
          throw error;
        }),
    },
    bodyAbandoned: () => abandoned,
  };
}

/**
 * The Response's parts; undefined when no Response can come (a dropped connection, a reset
 * inside the head). A reset's body gives its first half, then fails as fetch's does when the
 * connection breaks mid-body. A HEAD's answer has no body, as on the wire.
 */
export function responseInit(reply: Reply, method: string): { body: BodyInit | null; init: ResponseInit } | undefined {
  if (reply.kind === 'dropped' || (reply.kind === 'reset' && !reply.body)) return undefined;
  const init = { status: reply.status, headers: reply.headers };
  if (method === 'HEAD' || reply.body === undefined) return { body: null, init };
  return { body: reply.kind === 'reset' ? breaksAfter(resetShare(reply.body)) : reply.body, init };
}

/** A body stream that gives `part`, then fails as undici's does on a connection reset. */
function breaksAfter(part: string): ReadableStream<Uint8Array> {
  const bytes = utf8Bytes(part);
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
    },
    pull(controller) {
      controller.error(
        new TypeError('terminated', { cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }) }),
      );
    },
  });
}

/**
 * What a fetch rejects with when no answer came, as undici's does: a TypeError 'fetch failed'
 * whose cause carries the code (a client tells "never sent" from "lost" by it).
 */
export function networkFailure(message: string, code: string): TypeError {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}
