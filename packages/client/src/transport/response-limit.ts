// Answers are read with a bound: a body over `maxResponseBytes` is never buffered. The bound
// counts decoded bytes, as fetch hands them on: a Content-Length counts the bytes on the wire,
// and fetch inflates a gzip, deflate or br body after it (700 bytes of `gzip, gzip` inflate to
// 300 MiB), so no declared length lets a body through unread. A body is cancelled (which
// closes the connection) as soon as it is known to be too large — from a Content-Length that
// no Content-Encoding stands between, or while streaming — and replaced by a short note, so the
// client can report it: a refusal for an error status, an unknown outcome for a 2xx (see
// exchange.ts). A redirect's body is never read at all: redirects are refused, not followed.

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

/** A body of chunks already read, handed on as they are: a stream copies none of them. */
function replay(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
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
      // Stops fetch's decoding too: what is held is at most the limit and this one chunk.
      void reader.cancel().catch(() => {});
      return tooLarge(response, maxBytes);
    }
    chunks.push(value);
  }
  return new Response(replay(chunks), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * True when the body is known to be over `maxBytes` before reading it: its declared length is,
 * and no coding is declared, so what fetch hands on is what is on the wire. (Where a browser
 * hides a cross-origin Content-Encoding, a compressed length over the limit is refused at once:
 * such a body decodes to at least as many bytes, less a few of framing.)
 */
function declaredOver(response: Response, maxBytes: number): boolean {
  // No header is String(null), "null": no length, so the body is read with the bound.
  const length = String(response.headers.get('content-length'));
  if (!/^\d+$/.test(length) || Number(length) <= maxBytes) return false;
  const coding = response.headers.get('content-encoding');
  return coding === null || coding.trim().toLowerCase() === 'identity';
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
    // Never the answer as fetch gave it: its body is read here, decoded, with the bound.
    if (declaredOver(response, maxBytes)) {
      void response.body.cancel().catch(() => {});
      return tooLarge(response, maxBytes);
    }
    return readBounded(response, maxBytes);
  };
}
