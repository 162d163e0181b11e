// Zenlayer's authentication, checked the way the API documents it: a well-formed
// ZC2-HMAC-SHA256 Authorization (or a Bearer token), a timestamp within 5 minutes, and —
// when the mock is given credentials — a signature recomputed here, independently of any
// client, so a consumer's test proves its signing byte for byte.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type AuthFailureCode =
  | 'AUTHFAILURE_INVALID_AUTHORIZATION'
  | 'AUTHFAILURE_SIGNATURE_FAILURE'
  | 'AUTHFAILURE_SIGNATURE_EXPIRED';

export type AuthFailure = { code: AuthFailureCode; message: string };

/** What the mock accepts. Maps and sets, so a key from the request reads no prototype. */
export interface Verifier {
  /** accessKeyId → accessKeyPassword; when absent any well-formed signature is accepted. */
  credentials?: ReadonlyMap<string, string>;
  /** When absent, and no credentials either, any bearer token is accepted. */
  bearerTokens?: ReadonlySet<string>;
}

export interface AuthInput extends Verifier {
  headers: Record<string, string>;
  body: Uint8Array;
  now: Date;
}

const SIGNATURE = /^ZC2-HMAC-SHA256 Credential=([^,\s]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const BEARER = /^Bearer (\S+)$/;
const TIMESTAMP = /^\d{1,12}$/;
export const MAX_CLOCK_SKEW_SECONDS = 300;

const invalid = (message: string): AuthFailure => ({ code: 'AUTHFAILURE_INVALID_AUTHORIZATION', message });
const ascii = new TextEncoder();
const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function checkBearer(token: string, { credentials, bearerTokens }: Verifier): AuthFailure | undefined {
  // Once the mock verifies anything, a bearer token is a credential like any other.
  if (!bearerTokens && !credentials) return undefined;
  return bearerTokens?.has(token) ? undefined : invalid('The bearer token is not valid.');
}

/**
 * The canonical request for one way of writing the signed headers. The official SDKs sign
 * Content-Type and Host verbatim; some signers trim and lower-case them. Both are accepted.
 */
function canonicalRequest(contentType: string, host: string, body: Uint8Array) {
  return ['POST', '/', '', `content-type:${contentType}\nhost:${host}\n`, 'content-type;host', sha256(body)].join('\n');
}

function signatureMatches(input: AuthInput, password: string, timestamp: string, signature: string): boolean {
  const contentType = input.headers['content-type'] ?? '';
  const host = input.headers.host ?? '';
  const spellings = new Set([
    canonicalRequest(contentType, host, input.body),
    canonicalRequest(contentType.trim().toLowerCase(), host.trim().toLowerCase(), input.body),
  ]);
  // Both are 64 lower-case hex digits (SIGNATURE's pattern): compared as text, no Buffer needed.
  const given = ascii.encode(signature);
  return [...spellings].some((canonical) => {
    const stringToSign = `ZC2-HMAC-SHA256\n${timestamp}\n${sha256(canonical)}`;
    return timingSafeEqual(ascii.encode(createHmac('sha256', password).update(stringToSign).digest('hex')), given);
  });
}

export function checkAuth(input: AuthInput): AuthFailure | undefined {
  const { headers, now, credentials } = input;
  const authorization = headers.authorization;
  if (!authorization) return invalid('The Authorization header is missing.');
  const bearer = BEARER.exec(authorization);
  if (bearer) return checkBearer(bearer[1]!, input);
  const match = SIGNATURE.exec(authorization);
  if (!match) {
    return invalid(
      'The Authorization header is malformed: expected "ZC2-HMAC-SHA256 Credential=<id>, SignedHeaders=content-type;host, Signature=<64 hex>" or "Bearer <token>".',
    );
  }
  const [, accessKeyId, signedHeaders, signature] = match as unknown as [string, string, string, string];
  if (signedHeaders !== 'content-type;host') {
    return {
      code: 'AUTHFAILURE_SIGNATURE_FAILURE',
      message: `SignedHeaders must be "content-type;host" (got "${signedHeaders}").`,
    };
  }
  if (headers['x-zc-signature-method'] !== 'ZC2-HMAC-SHA256')
    return invalid('X-ZC-Signature-Method must be ZC2-HMAC-SHA256 with a signed request.');
  // Checked with or without credentials: a missing timestamp must never pass as "no skew".
  const timestamp = headers['x-zc-timestamp'];
  if (!timestamp || !TIMESTAMP.test(timestamp))
    return invalid('X-ZC-Timestamp (Unix seconds) is required with a signed request.');
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (!(skew <= MAX_CLOCK_SKEW_SECONDS)) {
    return {
      code: 'AUTHFAILURE_SIGNATURE_EXPIRED',
      message: `X-ZC-Timestamp is ${skew} s away from the server's clock; the limit is ${MAX_CLOCK_SKEW_SECONDS} s.`,
    };
  }
  if (!credentials) return undefined;
  const password = credentials.get(accessKeyId);
  if (password === undefined) return invalid(`Unknown access key id ${accessKeyId}.`);
  if (!signatureMatches(input, password, timestamp, signature))
    return { code: 'AUTHFAILURE_SIGNATURE_FAILURE', message: 'The request signature does not match.' };
  return undefined;
}
