// Checks of the options a client is built or called with. A bad number here would not fail
// loudly later: a NaN concurrency starts no worker (nothing released, no error), a negative
// timeout aborts every request at once. So they are refused up front, naming the option.
import { ValidationError } from './errors.js';
import { redactUrl } from './redact.js';

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

/** An integer ≥ `min` (1 by default), e.g. a concurrency or a count of retries. */
export function requireInteger(field: string, value: unknown, min = 1): number {
  // Number.isInteger is false for anything that is not a number (it never converts).
  if (Number.isInteger(value) && (value as number) >= min) return value as number;
  throw new ValidationError(field, `an integer ≥ ${min}`, `${field} must be an integer ≥ ${min} (got ${shown(value)})`);
}

/** A finite number of milliseconds ≥ `min`. */
export function requireMs(field: string, value: unknown, min = 0): number {
  // Number.isFinite is false for anything that is not a number (it never converts).
  if (Number.isFinite(value) && (value as number) >= min) return value as number;
  throw new ValidationError(
    field,
    `a number of milliseconds ≥ ${min}`,
    `${field} must be a number of milliseconds ≥ ${min} (got ${shown(value)})`,
  );
}

/** A value as it may be shown: a string without the userinfo of any URL in it. */
const withoutUserinfo = (value: unknown) => (typeof value === 'string' ? redactUrl(value) : value);

/** An absolute http(s) URL (the base URL of an API), without credentials in it. */
export function requireHttpUrl(field: string, value: unknown): string {
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {
    // Not a URL: refused below, as a value that is no string is.
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ValidationError(
      field,
      'an http(s) URL',
      `${field} must be an absolute http(s) URL (got ${shown(withoutUserinfo(value))})`,
    );
  }
  // Credentials in a URL end up in logs, errors and Referer headers; they are never sent.
  if (url.username !== '' || url.password !== '') {
    throw new ValidationError(
      field,
      'no credentials in the URL',
      `${field} must not contain credentials (user:password@); give them as the client's credential options (got ${url.protocol}//***@${url.host})`,
    );
  }
  return value as string;
}

/**
 * 60 s per attempt, as the official Python SDK (Go uses 300 s, Terraform 600 s): these calls
 * only *accept* a release, so an answer normally comes in well under a second; a minute is
 * generous for a slow accept and short enough for a stuck connection to be noticed.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;
