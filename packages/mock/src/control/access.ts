// Who may call the /__mock/ control plane. It reads the journal and rewrites the inventory and
// the faults, so a mock that checks its API callers (credentials, bearerTokens, projects) or was
// given a controlToken checks control calls too: any one credential the mock was configured
// to verify opens it. A browser cannot attach any of these headers to a call to another origin
// without a preflight, which the mock never grants under /__mock/.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Answer } from '../answer.js';
import { checkAuth } from '../providers/zenlayer/auth.js';
import type { Incoming } from '../request.js';
import { problem } from './problem.js';

export interface ControlAccessOptions {
  credentials?: Readonly<Record<string, string>>;
  bearerTokens?: readonly string[];
  projects?: Readonly<Record<string, string>>;
  controlToken?: string;
  now?: () => Date;
}

/** Says whether a control call may go on (undefined) or answers its 401. */
export type ControlAccess = (incoming: Incoming) => Answer | undefined;

// Visible ASCII only: the token travels in a header, and a blank would split it.
const TOKEN = /^[\x21-\x7e]{1,1024}$/;
const BEARER = /^Bearer (\S+)$/;

const digest = (text: string) => createHash('sha256').update(text).digest();
// Compared as digests: equal lengths for timingSafeEqual, and no timing hint of the token.
const sameToken = (given: string, expected: Uint8Array) => timingSafeEqual(digest(given), expected);

/** What a caller must send, in the words of the 401 (only what this mock was configured with). */
function needs(options: ControlAccessOptions): string {
  const ways = [
    options.controlToken !== undefined && 'Authorization: Bearer <the control token given at start>',
    options.bearerTokens?.length && 'Authorization: Bearer <one of the bearer tokens the mock accepts>',
    options.credentials &&
      'a Zenlayer ZC2-HMAC-SHA256 signature by one of the access keys the mock knows (Authorization, X-ZC-Timestamp, X-ZC-Signature-Method, signed as an API call)',
    options.projects && 'X-Auth-Token: <a token the mock maps to a project>',
  ].filter((w): w is string => typeof w === 'string');
  return ways.length
    ? `This mock's /__mock/ calls need one of: ${ways.join('; ')}.`
    : "This mock's /__mock/ calls need a credential, and none it was given can be sent: start it with a controlToken.";
}

export function controlAccess(options: ControlAccessOptions): ControlAccess {
  const { credentials, bearerTokens, projects, controlToken } = options;
  if (controlToken !== undefined && !(typeof controlToken === 'string' && TOKEN.test(controlToken)))
    throw new TypeError('controlToken must be 1..1024 visible ASCII characters (no blanks)');
  const locked = [credentials, bearerTokens, projects, controlToken].some((v) => v !== undefined);
  if (!locked) return () => undefined;
  const control = controlToken === undefined ? undefined : digest(controlToken);
  const tokens = new Set(bearerTokens);
  const keys = credentials && new Map(Object.entries(credentials));
  const detail = needs(options);

  const admitted = (incoming: Incoming): boolean => {
    const { authorization, 'x-auth-token': keystone } = incoming.headers;
    const bearer = authorization === undefined ? null : BEARER.exec(authorization);
    if (bearer && ((control !== undefined && sameToken(bearer[1]!, control)) || tokens.has(bearer[1]!))) return true;
    if (!bearer && authorization !== undefined && keys && incoming.body.kind === 'ok') {
      const now = options.now?.() ?? new Date();
      if (!checkAuth({ headers: incoming.headers, body: incoming.body.bytes, now, credentials: keys })) return true;
    }
    return keystone !== undefined && projects !== undefined && Object.hasOwn(projects, keystone);
  };

  return (incoming) => {
    if (admitted(incoming)) return undefined;
    const sent = incoming.headers.authorization !== undefined || incoming.headers['x-auth-token'] !== undefined;
    return problem(
      401,
      'control-auth',
      'Control plane locked',
      `${sent ? 'The credential sent is not accepted. ' : ''}${detail}`,
      { 'www-authenticate': 'Bearer realm="cloud-release-mock control plane"' },
    );
  };
}
