// The account a journal names: enough to tell one set of credentials from another, never a
// secret. An access key id is an identifier (it travels in every Authorization header); a
// bearer token is a secret, so only the first 16 hex digits of its SHA-256 are kept.
import { createHash } from 'node:crypto';
import type { ZenlayerCredentials } from '@cloud-release/client';

export function accountOf(credentials: ZenlayerCredentials): string {
  if (credentials.bearerToken !== undefined)
    return `token-sha256:${createHash('sha256').update(credentials.bearerToken).digest('hex').slice(0, 16)}`;
  return `key:${credentials.accessKeyId}`;
}
