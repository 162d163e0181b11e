// Zenlayer's authentication, checked the way the API documents it: a well-formed
// ZC2-HMAC-SHA256 Authorization (or a Bearer token), a timestamp within 5 minutes, and —
// when the mock is given credentials — a signature recomputed here, independently of any
// client, so a consumer's test proves its signing byte for byte.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type AuthFailureCode =
  | 'AUTHFAILURE_INVALID_AUTHORIZATION'
  | 'AUTHFAILURE_SIGNATURE_FAILURE'
  | 'AUTHFAILURE_SIGNATURE_EXPIRED';

export interface AuthInput {
  headers: Record<string, string>;
  body: Buffer;
  now: Date;
  /** accessKeyId → accessKeyPassword; when absent any well-formed signature is accepted. */
  credentials?: Readonly<Record<string, string>>;
}

const SIGNATURE = /^ZC2-HMAC-SHA256 Credential=([^,\s]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;
const BEARER = /^Bearer \S+$/;
export const MAX_CLOCK_SKEW_SECONDS = 300;

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

export function checkAuth({
  headers,
  body,
  now,
  credentials,
}: AuthInput): { code: AuthFailureCode; message: string } | undefined {
  const authorization = headers.authorization;
  if (!authorization)
    return { code: 'AUTHFAILURE_INVALID_AUTHORIZATION', message: 'The Authorization header is missing.' };
  if (BEARER.test(authorization)) return undefined;
  const match = SIGNATURE.exec(authorization);
  if (!match) {
    return {
      code: 'AUTHFAILURE_INVALID_AUTHORIZATION',
      message:
        'The Authorization header is malformed: expected "ZC2-HMAC-SHA256 Credential=<id>, SignedHeaders=content-type;host, Signature=<64 hex>" or "Bearer <token>".',
    };
  }
  const [, accessKeyId, signedHeaders, signature] = match as unknown as [string, string, string, string];
  if (signedHeaders !== 'content-type;host') {
    return {
      code: 'AUTHFAILURE_SIGNATURE_FAILURE',
      message: `SignedHeaders must be "content-type;host" (got "${signedHeaders}").`,
    };
  }
  if (headers['x-zc-signature-method'] !== 'ZC2-HMAC-SHA256') {
    return {
      code: 'AUTHFAILURE_INVALID_AUTHORIZATION',
      message: 'X-ZC-Signature-Method must be ZC2-HMAC-SHA256 with a signed request.',
    };
  }
  const timestamp = headers['x-zc-timestamp'];
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) {
    return {
      code: 'AUTHFAILURE_INVALID_AUTHORIZATION',
      message: 'X-ZC-Timestamp (Unix seconds) is required with a signed request.',
    };
  }
  const skew = Math.abs(Math.floor(now.getTime() / 1000) - Number(timestamp));
  if (skew > MAX_CLOCK_SKEW_SECONDS) {
    return {
      code: 'AUTHFAILURE_SIGNATURE_EXPIRED',
      message: `X-ZC-Timestamp is ${skew} s away from the server's clock; the limit is ${MAX_CLOCK_SKEW_SECONDS} s.`,
    };
  }
  if (!credentials) return undefined;
  const password = credentials[accessKeyId];
  if (password === undefined)
    return { code: 'AUTHFAILURE_INVALID_AUTHORIZATION', message: `Unknown access key id ${accessKeyId}.` };
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${(headers['content-type'] ?? '').trim().toLowerCase()}\nhost:${(headers.host ?? '').trim().toLowerCase()}\n`,
    'content-type;host',
    sha256(body),
  ].join('\n');
  const stringToSign = `ZC2-HMAC-SHA256\n${timestamp}\n${sha256(canonicalRequest)}`;
  const expected = createHmac('sha256', password).update(stringToSign).digest();
  if (!timingSafeEqual(expected, Buffer.from(signature, 'hex'))) {
    return { code: 'AUTHFAILURE_SIGNATURE_FAILURE', message: 'The request signature does not match.' };
  }
  return undefined;
}
