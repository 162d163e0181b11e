// Answers are read with a bound: a body over `maxResponseBytes` is never buffered. It is
// cancelled (which closes the connection) as soon as it is known to be too large — from its
// Content-Length, or while streaming — and replaced by a short note, so the client can report
// it: a refusal for an error status, an unknown outcome for a 2xx (see exchange.ts).
// A redirect's body is never read at all: redirects are refused, not followed.

/** 1 MiB: an API answer here is a few hundred bytes; an error page a few kB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

const oversized = new WeakSet<Response>();

/** True for a response whose body was over the limit (and so was not read). */
export const wasOversized = (response: Response): boolean => oversized.has(response);

export const isRedirect = (response: Response): boolean =>
  response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);

/** The note that stands for a body over the limit (the caller has cancelled that body). */
function tooLarge(response: Response, maxBytes: number): Response {
  // Kept: what the client reads besides the body (a 429's Retry-After, the request id).
  const headers = new Headers();
  for (const name of ['retry-after', 'x-openstack-request-id']) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const note = new Response(`response body over ${maxBytes} bytes, not read`, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  oversized.add(note);
  return note;
}

async function readBounded(response: Response, maxBytes: number): Promise<Response> {
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      void reader.cancel().catch(() => {});
      return tooLarge(response, maxBytes);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

/** Statuses whose answers have no body by definition (Fetch standard's null body statuses). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** `base`, with every answer's body bounded by `maxBytes` and every redirect's body dropped. */
export function limitResponses(base: typeof globalThis.fetch, maxBytes: number): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await base(input, init);
    // Chromium gives a 204 an empty, non-null body; a Response rebuilt from it with a null-body
    // status throws there ("Response with null body status cannot have body"). Nothing to bound.
    // (A browser's opaque redirect has a null body by definition: it is passed on as is too.)
    if (response.body === null || NULL_BODY_STATUSES.has(response.status)) {
      return response;
    }
    if (isRedirect(response)) {
      void response.body.cancel().catch(() => {});
      return new Response(null, { status: response.status, headers: response.headers });
    }
    // A declared length is enforced by fetch itself: the fast path reads no more than it says.
    // (No header is String(null), "null": no length, so the body is read with the bound.)
    const length = String(response.headers.get('content-length'));
    if (/^\d+$/.test(length)) {
      if (Number(length) <= maxBytes) return response;
      void response.body.cancel().catch(() => {});
      return tooLarge(response, maxBytes);
    }
    return readBounded(response, maxBytes);
  };
}
