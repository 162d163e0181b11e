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

function tooLarge(response: Response, maxBytes: number): Response {
  void response.body?.cancel().catch(() => {});
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

/** `base`, with every answer's body bounded by `maxBytes` and every redirect's body dropped. */
export function limitResponses(base: typeof globalThis.fetch, maxBytes: number): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await base(input, init);
    if (response.body === null || response.type === 'opaqueredirect') return response;
    if (isRedirect(response)) {
      void response.body.cancel().catch(() => {});
      return new Response(null, { status: response.status, headers: response.headers });
    }
    const length = response.headers.get('content-length');
    // A declared length is enforced by fetch itself: the fast path reads no more than it says.
    if (length !== null && /^\d+$/.test(length)) {
      return Number(length) > maxBytes ? tooLarge(response, maxBytes) : response;
    }
    return readBounded(response, maxBytes);
  };
}
