// UTF-8 without Node's Buffer, so the engine runs in a browser too (the MSW handlers under
// setupWorker): the same numbers and text Buffer gives.

const NON_ASCII = /[\u0080-\uffff]/;

/** The UTF-8 byte length of a string, as Buffer.byteLength counts it (a lone surrogate is U+FFFD: 3 bytes), without encoding it. */
export function utf8Length(text: string): number {
  // Most text (JSON answers, journal lines) is ASCII: one byte a code unit, found without a loop.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) continue;
    if (unit < 0x800) bytes += 1;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: two code units, four bytes.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const encoder = new TextEncoder();

/** A string's UTF-8 bytes (a lone surrogate as U+FFFD), as Buffer.from(text) gives them. */
export const utf8Bytes = (text: string): Uint8Array => encoder.encode(text);

// A byte order mark is text the client sent, as Buffer's toString keeps it: JSON.parse refuses it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Bytes as text, malformed sequences as U+FFFD (as Buffer's toString('utf8')). */
export const utf8Text = (bytes: Uint8Array): string => decoder.decode(bytes);

/** One array of the chunks' bytes, in order. */
export function concatBytes(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
