// The headers of one attempt, over the body bytes the call serialized once: a bearer token, or
// ZC2-HMAC-SHA256 with a fresh timestamp (so a retry is signed anew) over exactly the string
// that is sent. Synchronous over node:crypto where it exists (cheaper); WebCrypto in browsers
// and edge runtimes puts the same signature in the same header, asynchronously.
import { SDK_LANG, SDK_VERSION } from '../version.js';
import { nodeCrypto } from './hmac.js';
import { type Auth, CONTENT_TYPE } from './options.js';
import { authorizationHeader, authorizationHeaderAsync, SIGNATURE_METHOD } from './signing.js';

/** What every request of a call carries besides its credentials (X-ZC-Action, -Version, -Service). */
export type CallHeaders = Record<string, string>;

/**
 * Every request's headers: the ones every official SDK sends, the call's own, and its
 * credentials. `host` is the Host fetch sends: the base URL's host, with the port only when it
 * is not the scheme's default (URL.host, lower-case).
 */
export function signedHeaders(
  auth: Auth,
  host: string,
  now: () => Date,
): (call: CallHeaders, body: string) => Record<string, string> | Promise<Record<string, string>> {
  return (call, body) => {
    const headers: Record<string, string> = {
      'Content-Type': CONTENT_TYPE,
      'X-ZC-SDK-Lang': SDK_LANG,
      'X-ZC-SDK-Version': SDK_VERSION,
      ...call,
    };
    if (auth.kind === 'bearer') {
      headers.Authorization = `Bearer ${auth.token}`;
      return headers;
    }
    const timestamp = Math.floor(now().getTime() / 1000);
    const input = { body, contentType: CONTENT_TYPE, host, timestamp };
    headers['X-ZC-Timestamp'] = String(timestamp);
    headers['X-ZC-Signature-Method'] = SIGNATURE_METHOD;
    if (nodeCrypto()) {
      headers.Authorization = authorizationHeader(input, auth.accessKeyId, auth.key);
      return headers;
    }
    return authorizationHeaderAsync(input, auth.accessKeyId, auth.key).then((value) => {
      headers.Authorization = value;
      return headers;
    });
  };
}
