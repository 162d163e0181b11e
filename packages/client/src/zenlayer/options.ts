// What createZenlayerClient accepts, and reading it: every option checked up front (naming the
// option, never echoing a secret), the credentials turned into the one form the signer needs.
import { ZENLAYER_DEFAULT_BASE_URL } from '../generated-clients.js';
import { ValidationError } from '../transport/errors.js';
import { DEFAULT_TIMEOUT_MS, requireHttpUrl, requireInteger, requireMs } from '../transport/options.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../transport/response-limit.js';
import { type ResolvedRetry, type RetryOptions, resolveRetry } from '../transport/retry.js';
import { type SigningKey, signingKey } from './signing.js';

export type ZenlayerService = 'sdn' | 'vm' | 'zec';

/** The X-ZC-Version the official clients send for these calls (newer dates exist; override with `apiVersions`). */
export const DEFAULT_API_VERSIONS: Readonly<Record<ZenlayerService, string>> = {
  sdn: '2023-08-30',
  vm: '2023-03-13',
  zec: '2024-04-01',
};
/** Batches of releaseInstances in flight at once: fast for thousands of ids, gentle on the rate limit. */
export const DEFAULT_CONCURRENCY = 4;
/**
 * The Content-Type sent, and so the one signed. The facts file notes Go signs
 * `application/json` and Java `application/json; charset=utf-8`; either verifies as long as
 * the signed value equals the sent one. The client sends and signs this one value (see
 * signed-request.ts); it is also openapi-fetch's default for a JSON body.
 */
export const CONTENT_TYPE = 'application/json';

/** The spec's X-ZC-Version pattern (spec/zenlayer.yaml, XZcVersion). */
const API_VERSION = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

/** Either an access key (signed requests) or a bearer token, never both. */
export type ZenlayerCredentials =
  | {
      /** The AccessKeyId; it appears in the Authorization header and may appear in printed output. */
      accessKeyId: string;
      /** The AccessKeyPassword that keys the signature. Never sent, printed or put in an error. */
      accessKeyPassword: string;
      bearerToken?: undefined;
    }
  | {
      /** Sent as `Authorization: Bearer <token>`, without signature headers. Never printed. */
      bearerToken: string;
      accessKeyId?: undefined;
      accessKeyPassword?: undefined;
    };

export type ZenlayerClientOptions = ZenlayerCredentials & {
  /** Scheme, host and port of the API. Default `https://console.zenlayer.com`; point it at the mock in tests. */
  baseUrl?: string;
  /** The fetch to send with. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** The clock that stamps X-ZC-Timestamp (and reads Retry-After dates). Default `() => new Date()`. */
  now?: () => Date;
  /** Per attempt, each retry getting its own. Default {@link DEFAULT_TIMEOUT_MS} (60 s). */
  timeoutMs?: number;
  /**
   * Back-off for 429 (whatever its body) and 503 SERVICE_TEMPORARY_UNAVAILABLE only: 3 retries,
   * jittered below 1 s, 2 s, 4 s by default, never sooner than the server's Retry-After (capped
   * at `maxDelayMs`). `false` = never retry. Nothing else is retried: not a business 4xx, not a
   * 500, not a timeout (an unanswered release may have been accepted).
   */
  retry?: RetryOptions | false;
  /** X-ZC-Version per service; defaults {@link DEFAULT_API_VERSIONS}. */
  apiVersions?: Partial<Record<ZenlayerService, string>>;
  /** Batches of releaseInstances in flight at once. Default {@link DEFAULT_CONCURRENCY} (4). */
  concurrency?: number;
  /** The largest answer body read; a larger one is never buffered. Default 1 MiB. */
  maxResponseBytes?: number;
};

export type Auth = { kind: 'bearer'; token: string } | { kind: 'signed'; accessKeyId: string; key: SigningKey };

export interface ResolvedOptions {
  auth: Auth;
  baseUrl: string;
  now: () => Date;
  timeoutMs: number;
  retry: ResolvedRetry;
  concurrency: number;
  versions: Record<ZenlayerService, string>;
  fetch: typeof globalThis.fetch;
  maxResponseBytes: number;
}

export function resolveOptions(options: ZenlayerClientOptions): ResolvedOptions {
  const auth = readCredentials(options);
  const versions = { ...DEFAULT_API_VERSIONS, ...options.apiVersions };
  for (const [service, version] of Object.entries(versions)) {
    if (typeof version !== 'string' || !API_VERSION.test(version)) {
      throw new ValidationError(
        `apiVersions.${service}`,
        'a YYYY-MM-DD date',
        `apiVersions.${service} must be a YYYY-MM-DD date (got ${JSON.stringify(version)})`,
      );
    }
  }
  return {
    auth,
    baseUrl: requireHttpUrl('baseUrl', options.baseUrl ?? ZENLAYER_DEFAULT_BASE_URL),
    now: options.now ?? (() => new Date()),
    timeoutMs: requireMs('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1),
    retry: resolveRetry(options.retry),
    concurrency: requireInteger('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY),
    versions,
    fetch: options.fetch ?? globalThis.fetch,
    maxResponseBytes: requireInteger('maxResponseBytes', options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES),
  };
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Exactly one way to authenticate, each part a non-empty string; the error names the option. */
function readCredentials(options: ZenlayerClientOptions): Auth {
  const o = (options ?? {}) as { accessKeyId?: unknown; accessKeyPassword?: unknown; bearerToken?: unknown };
  const accessKey = o.accessKeyId !== undefined || o.accessKeyPassword !== undefined;
  const bearer = o.bearerToken !== undefined;
  if (accessKey && bearer) {
    throw new ValidationError(
      'bearerToken',
      'either an access key or a bearer token',
      'createZenlayerClient: give either accessKeyId + accessKeyPassword or bearerToken, not both',
    );
  }
  if (!accessKey && !bearer) {
    throw new ValidationError(
      'accessKeyId',
      'an access key or a bearer token',
      'createZenlayerClient: credentials missing: give either accessKeyId + accessKeyPassword or bearerToken',
    );
  }
  if (bearer) {
    if (!nonEmpty(o.bearerToken))
      throw new ValidationError('bearerToken', 'a non-empty string', 'bearerToken must be a non-empty string');
    return { kind: 'bearer', token: o.bearerToken };
  }
  for (const field of ['accessKeyId', 'accessKeyPassword'] as const) {
    if (!nonEmpty(o[field])) {
      throw new ValidationError(
        field,
        'a non-empty string',
        `${field} must be a non-empty string (give accessKeyId + accessKeyPassword, or bearerToken instead)`,
      );
    }
  }
  // From here on the password only exists inside a SigningKey, which never prints its bytes.
  return { kind: 'signed', accessKeyId: o.accessKeyId as string, key: signingKey(o.accessKeyPassword as string) };
}
