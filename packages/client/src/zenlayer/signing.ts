// ZC2-HMAC-SHA256, as Zenlayer's API reference documents it, as pure functions: same input,
// same output, no clock, no I/O. The clock and the request belong to the caller (the client's
// middleware), which is what lets the documented test vector be checked byte for byte
// (test/signing.test.ts). Two forms: synchronous over node:crypto (a few µs, where WebCrypto's
// async round trips cost tens), and `…Async` over WebCrypto, which works in any runtime.
import { hmacHexAsync, requireNodeCrypto, sha256HexAsync } from './hmac.js';
import { nodeKey, secretMaterial, webKey } from './key-material.js';
import type { SigningKey } from './signing-key.js';

export { SigningKey, signingKey } from './signing-key.js';

export const SIGNATURE_METHOD = 'ZC2-HMAC-SHA256';
/** Only these two headers are signed, so only they must not change between signing and sending. */
export const SIGNED_HEADERS = 'content-type;host';

export interface SignInput {
  /** The exact body bytes that are sent (a string is hashed as its UTF-8 bytes). */
  body: string | Uint8Array;
  /** The Content-Type header exactly as sent. */
  contentType: string;
  /** The Host header as sent: host name, plus `:port` when not the scheme's default. */
  host: string;
  /** Unix seconds, as sent in X-ZC-Timestamp. */
  timestamp: number;
}

/** The AccessKeyPassword, or a key made from it once with {@link signingKey}. */
export type SigningSecret = string | SigningKey;

function sha256Hex(data: string | Uint8Array): string {
  return requireNodeCrypto().createHash('sha256').update(data).digest('hex');
}

/**
 * Step 1, the canonical request, from the body's hex SHA-256: `POST`, `/`, an empty query, the
 * canonical headers (names lower-case, sorted; values exactly as sent — the official SDKs sign
 * them verbatim, so a verifier sees the same bytes; each line ends with `\n`, hence the blank
 * line), the signed header names, and the body hash.
 */
function canonicalFrom(contentType: string, host: string, bodyHash: string): string {
  return ['POST', '/', '', `content-type:${contentType}\nhost:${host}\n`, SIGNED_HEADERS, bodyHash].join('\n');
}

export function canonicalRequest({ body, contentType, host }: Omit<SignInput, 'timestamp'>): string {
  return canonicalFrom(contentType, host, sha256Hex(body));
}

/** Step 2: `ZC2-HMAC-SHA256\n<timestamp>\n<hex SHA-256 of the canonical request>`. */
export function stringToSign(input: SignInput): string {
  return `${SIGNATURE_METHOD}\n${input.timestamp}\n${sha256Hex(canonicalRequest(input))}`;
}

/** Step 3: lowercase hex HMAC-SHA256 of the string to sign, keyed by the password itself. */
export function signature(input: SignInput, secret: SigningSecret): string {
  // A string is hashed as UTF-8, node:crypto's default (and the string to sign is ASCII anyway).
  return requireNodeCrypto()
    .createHmac('sha256', nodeKey(secretMaterial(secret)))
    .update(stringToSign(input))
    .digest('hex');
}

/** Step 4: `ZC2-HMAC-SHA256 Credential=<id>, SignedHeaders=content-type;host, Signature=<hex>`. */
export function authorizationHeader(input: SignInput, accessKeyId: string, secret: SigningSecret): string {
  return header(accessKeyId, signature(input, secret));
}

/** {@link signature} over WebCrypto: for browsers and edge runtimes (works in Node too). */
export async function signatureAsync(input: SignInput, secret: SigningSecret): Promise<string> {
  const canonical = canonicalFrom(input.contentType, input.host, await sha256HexAsync(input.body));
  const toSign = `${SIGNATURE_METHOD}\n${input.timestamp}\n${await sha256HexAsync(canonical)}`;
  return hmacHexAsync(await webKey(secretMaterial(secret)), toSign);
}

/** {@link authorizationHeader} over WebCrypto. */
export async function authorizationHeaderAsync(
  input: SignInput,
  accessKeyId: string,
  secret: SigningSecret,
): Promise<string> {
  return header(accessKeyId, await signatureAsync(input, secret));
}

const header = (accessKeyId: string, signature: string) =>
  `${SIGNATURE_METHOD} Credential=${accessKeyId}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature}`;
