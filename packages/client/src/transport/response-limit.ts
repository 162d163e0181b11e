// Answers are read with a bound: a body over `maxResponseBytes` is never buffered. The bound
// counts decoded bytes, as fetch hands them on: a Content-Length counts the bytes on the wire,
// and fetch inflates a gzip, deflate or br body after it (700 bytes of `gzip, gzip` inflate to
// 300 MiB), so no declared length lets a body through unread. A body is cancelled (which
// closes the connection) as soon as it is known to be too large — from a Content-Length that
// no Content-Encoding stands between, or while streaming — and a short note stands for it, so
// the client can report it: a refusal for an error status, an unknown outcome for a 2xx (see
// exchange.ts). A redirect's body is never read at all: redirects are refused, not followed.

/** 1 MiB: an API answer here is a few hundred bytes; an error page a few kB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/** One answer as the clients read it. */
export interface Answer {
  /** Its status and headers (its body is read into `text`, or cancelled). */
  response: Response;
  /** The body as UTF-8 text, '' for none; for a body over the limit, a note saying so. */
  text: string;
  /** True when the body was over the limit, and so was not read. */
  tooLarge: boolean;
}

export const isRedirect = (response: Response): boolean =>
  response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);

/** The note that stands for a body over the limit (the caller has cancelled that body). */
const tooLarge = (response: Response, maxBytes: number): Answer => ({
  response,
  text: `response body over ${maxBytes} bytes, not read`,
  tooLarge: true,
});

async function readBounded(response: Response, maxBytes: number): Promise<Answer> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
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
    // Streaming: a character split between two chunks is decoded whole, as response.text() would.
    text += decoder.decode(value, { stream: true });
  }
  return { response, text: text + decoder.decode(), tooLarge: false };
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

/** `response` read with its body bounded by `maxBytes`; a redirect's body is dropped unread. */
export function readAnswer(response: Response, maxBytes: number): Promise<Answer> | Answer {
  // Chromium gives a 204 an empty, non-null body: there is nothing to bound. (A browser's
  // opaque redirect has a null body by definition: nothing to read either.)
  if (response.body === null || NULL_BODY_STATUSES.has(response.status)) {
    return { response, text: '', tooLarge: false };
  }
  if (isRedirect(response)) {
    void response.body.cancel().catch(() => {});
    return { response, text: '', tooLarge: false };
  }
  if (declaredOver(response, maxBytes)) {
    void response.body.cancel().catch(() => {});
    return tooLarge(response, maxBytes);
  }
  return readBounded(response, maxBytes);
}
