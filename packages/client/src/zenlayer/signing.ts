// ZC2-HMAC-SHA256, as Zenlayer's API reference documents it, as pure synchronous functions:
// same input, same output, no clock, no I/O. The clock and the request belong to the caller
// (the client's middleware), which is what lets the documented test vector be checked byte
// for byte (test/signing.test.ts).
//
// Why node:crypto, and why fetched with process.getBuiltinModule rather than imported:
// synchronous hashing keeps signing a plain function of its input (and costs a few µs, where
// WebCrypto's async round trips cost tens), while having no static `node:` import keeps the
// package bundlable for browsers and edge runtimes, where the Bearer-token mode still works.
import type * as NodeCrypto from 'node:crypto';

type KeyObject = NodeCrypto.KeyObject;

let loaded: typeof NodeCrypto | undefined;
/** node:crypto, looked up once, on the first signature (never at import: bearer mode needs none). */
function nodeCrypto(): typeof NodeCrypto {
  loaded ??= globalThis.process?.getBuiltinModule?.('node:crypto');
  if (!loaded)
    throw new Error('ZC2-HMAC-SHA256 signing needs node:crypto (Node ≥ 20.16); elsewhere use the bearerToken option');
  return loaded;
}

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
export type SigningSecret = string | KeyObject;

const sha256Hex = (data: string | Uint8Array) => nodeCrypto().createHash('sha256').update(data).digest('hex');

/**
 * Step 1, the canonical request: `POST`, `/`, an empty query, the canonical headers (names
 * lower-case, sorted; values exactly as sent — the official SDKs sign them verbatim, so a
 * verifier sees the same bytes; each line ends with `\n`, hence the blank line), the signed
 * header names, and the hex SHA-256 of the body bytes.
 */
export function canonicalRequest({ body, contentType, host }: Omit<SignInput, 'timestamp'>): string {
  const canonicalHeaders = `content-type:${contentType}\nhost:${host}\n`;
  return ['POST', '/', '', canonicalHeaders, SIGNED_HEADERS, sha256Hex(body)].join('\n');
}

/** Step 2: `ZC2-HMAC-SHA256\n<timestamp>\n<hex SHA-256 of the canonical request>`. */
export function stringToSign(input: SignInput): string {
  return `${SIGNATURE_METHOD}\n${input.timestamp}\n${sha256Hex(canonicalRequest(input))}`;
}

/**
 * Wraps the AccessKeyPassword (raw UTF-8, no key derivation) in a KeyObject, so a client can
 * hold the key rather than the password string; a KeyObject never prints its bytes.
 */
export function signingKey(accessKeyPassword: string): KeyObject {
  return nodeCrypto().createSecretKey(accessKeyPassword, 'utf8');
}

/** Step 3: lowercase hex HMAC-SHA256 of the string to sign, keyed by the password itself. */
export function signature(input: SignInput, secret: SigningSecret): string {
  return nodeCrypto().createHmac('sha256', secret).update(stringToSign(input), 'utf8').digest('hex');
}

/** Step 4: `ZC2-HMAC-SHA256 Credential=<id>, SignedHeaders=content-type;host, Signature=<hex>`. */
export function authorizationHeader(input: SignInput, accessKeyId: string, secret: SigningSecret): string {
  return `${SIGNATURE_METHOD} Credential=${accessKeyId}, SignedHeaders=${SIGNED_HEADERS}, Signature=${signature(input, secret)}`;
}
