// ZC2-HMAC-SHA256, as Zenlayer documents it. No key derivation: the AccessKeyPassword keys
// the HMAC directly. Only content-type and host are signed, so only they may not change
// between signing and sending. WebCrypto (not node:crypto) keeps the client browser-safe.
export const SIGNATURE_METHOD = 'ZC2-HMAC-SHA256';
const SIGNED_HEADERS = 'content-type;host';

export interface SignInput {
  /** The exact body bytes (or string, as UTF-8) that are sent. */
  body: string | Uint8Array;
  contentType: string;
  host: string;
  /** Unix seconds, as sent in X-ZC-Timestamp. */
  timestamp: number;
}

const encoder = new TextEncoder();
const bytes = (data: string | Uint8Array): Uint8Array<ArrayBuffer> =>
  (typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data)) as Uint8Array<ArrayBuffer>;
const hex = (buffer: ArrayBuffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
const sha256Hex = async (data: string | Uint8Array) => hex(await crypto.subtle.digest('SHA-256', bytes(data)));

export async function canonicalRequest({ body, contentType, host }: Omit<SignInput, 'timestamp'>): Promise<string> {
  const canonicalHeaders = `content-type:${contentType.trim().toLowerCase()}\nhost:${host.trim().toLowerCase()}\n`;
  return ['POST', '/', '', canonicalHeaders, SIGNED_HEADERS, await sha256Hex(body)].join('\n');
}

export async function stringToSign(input: SignInput): Promise<string> {
  return `${SIGNATURE_METHOD}\n${input.timestamp}\n${await sha256Hex(await canonicalRequest(input))}`;
}

/** An HMAC key for a password; import once per client, sign many times. */
export function signingKey(accessKeyPassword: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes(accessKeyPassword), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

export async function signature(input: SignInput, key: CryptoKey): Promise<string> {
  return hex(await crypto.subtle.sign('HMAC', key, bytes(await stringToSign(input))));
}

export async function authorizationHeader(input: SignInput, accessKeyId: string, key: CryptoKey): Promise<string> {
  return `${SIGNATURE_METHOD} Credential=${accessKeyId}, SignedHeaders=${SIGNED_HEADERS}, Signature=${await signature(input, key)}`;
}
