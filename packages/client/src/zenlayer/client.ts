// createZenlayerClient(): the three release actions, signed, typed, retried only when the
// API says "later", batched, and never holding a secret where it could be printed.
import type { KeyObject } from 'node:crypto';
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/zenlayer.js';
import { ZENLAYER_DEFAULT_BASE_URL } from '../generated-clients.js';
import { directFetch, type KnownBodies } from '../transport/direct-fetch.js';
import { ValidationError } from '../transport/errors.js';
import { requireHttpUrl, requireInteger, requireMs } from '../transport/options.js';
import { MASK, withSafeFace } from '../transport/redact.js';
import { backoffDelay, type RetryOptions, resolveRetry, retryAfterMs } from '../transport/retry.js';
import { attempt } from '../transport/send.js';
import { type FailedBatch, type ReleasedBatch, ZenlayerBatchError } from './batch-error.js';
import { chunk, mapWithConcurrency } from './batching.js';
import { toApiError, ZenlayerApiError } from './errors.js';
import { authorizationHeader, SIGNATURE_METHOD, signingKey } from './signing.js';
import type { ZenlayerAction, ZenlayerRequestBody } from './types.js';
import { MAX_IDS_PER_REQUEST, requireId, requireIds } from './validate.js';

export type ZenlayerService = 'sdn' | 'vm' | 'zec';

/** The X-ZC-Version the official clients send for these calls (newer dates exist; override with `apiVersions`). */
export const DEFAULT_API_VERSIONS: Readonly<Record<ZenlayerService, string>> = {
  sdn: '2023-08-30',
  vm: '2023-03-13',
  zec: '2024-04-01',
};
/**
 * 60 s per attempt, as the official Python SDK (Go uses 300 s, Terraform 600 s): these calls
 * only *accept* a release, so an answer normally comes in well under a second; a minute is
 * generous for a slow accept and short enough for a stuck connection to be noticed.
 */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** Batches of releaseInstances in flight at once: fast for thousands of ids, gentle on the rate limit. */
export const DEFAULT_CONCURRENCY = 4;
/**
 * The Content-Type sent, and so the one signed. The facts file notes Go signs
 * `application/json` and Java `application/json; charset=utf-8`; either verifies as long as
 * the signed value equals the sent one. This is openapi-fetch's default for a JSON body, and
 * the signer reads the header back from the request rather than assuming it.
 */
export const CONTENT_TYPE = 'application/json';

const ROUTES = {
  DestroyPort: { path: '/api/v2/sdn', service: 'sdn' },
  ReleaseDisk: { path: '/api/v2/zec', service: 'zec' },
  ReleaseInstances: { path: '/api/v2/vm', service: 'vm' },
} as const satisfies Record<ZenlayerAction, { path: keyof paths; service: ZenlayerService }>;

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
   * Back-off for 429 (REQUEST_LIMIT_EXCEEDED) and 503 SERVICE_TEMPORARY_UNAVAILABLE only:
   * 3 retries after 1 s, 2 s, 4 s by default, or after the server's Retry-After (capped at
   * `maxDelayMs`). `false` = never retry. Nothing else is retried: not a business 4xx, not a
   * 500, not a timeout (an unanswered release may have been accepted).
   */
  retry?: RetryOptions | false;
  /** X-ZC-Version per service; defaults {@link DEFAULT_API_VERSIONS}. */
  apiVersions?: Partial<Record<ZenlayerService, string>>;
  /** Batches of releaseInstances in flight at once. Default {@link DEFAULT_CONCURRENCY} (4). */
  concurrency?: number;
};

export interface ReleaseOptions {
  /** Aborts the call, in flight or during a back-off; it rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Not-found codes (INVALID_INSTANCE_NOT_FOUND, INVALID_DISK_NOT_FOUND, SELF_SERVICE_PORT_NOT_FOUND,
   * INVALID_PORT_NOT_FOUND, OPERATION_FAILED_RESOURCE_NOT_FOUND) resolve as success with
   * `alreadyGone: true`, like openstacksdk's `ignore_missing`. Default false.
   */
  ignoreMissing?: boolean;
}

/** One call to `onBatch`: a batch of releaseInstances has ended, accepted or failed. */
export interface BatchProgress {
  /** 0-based batch number, in id order. */
  index: number;
  /** Number of batches. */
  total: number;
  ids: string[];
  /** The accepted request's id (several, comma-separated, when ignoreMissing split the batch). */
  requestId?: string | undefined;
  /** True when every id of the batch was already gone (ignoreMissing). */
  alreadyGone?: boolean;
  /** Set when the batch failed. */
  error?: Error;
}

export interface ReleaseInstancesOptions extends ReleaseOptions {
  /**
   * Called as each batch ends, success or failure (e.g. to print a progress line). An exception
   * it throws is ignored: a progress printer must not turn an accepted release into a failure.
   */
  onBatch?: (progress: BatchProgress) => void;
  /** Overrides the client's `concurrency` for this call. */
  concurrency?: number;
}

export interface ReleaseResult {
  /** The accepted request's id; with `alreadyGone`, the id of the not-found answer. */
  requestId: string | undefined;
  /** True only with `ignoreMissing`, when the resource did not exist. */
  alreadyGone: boolean;
}

export interface ReleaseInstancesResult {
  /** The ids released, de-duplicated, in first-seen order. */
  ids: string[];
  /** One entry per request that was accepted (or found the ids already gone), in id order. */
  batches: ReleasedBatch[];
}

export interface ZenlayerClient {
  /**
   * Releases any number of instances: ids de-duplicated (first-seen order kept), sent in
   * batches of {@link MAX_IDS_PER_REQUEST} with bounded concurrency. Resolves only when every
   * batch was accepted; if any batch fails, the others still run and it rejects with a
   * {@link ZenlayerBatchError} listing both the released and the failed batches (with their
   * ids and errors). A user abort rejects with the signal's reason.
   */
  releaseInstances(ids: readonly string[], options?: ReleaseInstancesOptions): Promise<ReleaseInstancesResult>;
  /** ReleaseDisk (zec). Rejects with ZenlayerApiError, NetworkError/TimeoutError or ValidationError. */
  releaseDisk(diskId: string, options?: ReleaseOptions): Promise<ReleaseResult>;
  /** DestroyPort (sdn). Rejects with ZenlayerApiError, NetworkError/TimeoutError or ValidationError. */
  destroyPort(portId: string, options?: ReleaseOptions): Promise<ReleaseResult>;
}

/** "Later" answers: rate limited (429, whatever the body says), or the service briefly unavailable. */
function isRetryable(e: ZenlayerApiError): boolean {
  return (
    e.status === 429 ||
    e.code === 'REQUEST_LIMIT_EXCEEDED' ||
    (e.status === 503 && e.code === 'SERVICE_TEMPORARY_UNAVAILABLE')
  );
}

type Auth = { kind: 'bearer'; token: string } | { kind: 'signed'; accessKeyId: string; key: KeyObject };

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
    if (typeof o.bearerToken !== 'string' || o.bearerToken.trim() === '')
      throw new ValidationError('bearerToken', 'a non-empty string', 'bearerToken must be a non-empty string');
    return { kind: 'bearer', token: o.bearerToken };
  }
  for (const field of ['accessKeyId', 'accessKeyPassword'] as const) {
    if (typeof o[field] !== 'string' || o[field].trim() === '') {
      throw new ValidationError(
        field,
        'a non-empty string',
        `${field} must be a non-empty string (give accessKeyId + accessKeyPassword, or bearerToken instead)`,
      );
    }
  }
  // From here on the password only exists inside a KeyObject, which never prints its bytes.
  return { kind: 'signed', accessKeyId: o.accessKeyId as string, key: signingKey(o.accessKeyPassword as string) };
}

/**
 * The Zenlayer client: ReleaseInstances, ReleaseDisk and DestroyPort, each signed with
 * ZC2-HMAC-SHA256 (or sent with a bearer token), typed errors, bounded retries of "later"
 * answers, a per-attempt timeout, and input checked against the spec before anything is sent.
 *
 * @throws ValidationError at once for missing or ambiguous credentials or a bad option.
 * @example
 * const zc = createZenlayerClient({ accessKeyId, accessKeyPassword });
 * const { batches } = await zc.releaseInstances(ids, { ignoreMissing: true, onBatch: (p) => console.log(p.index) });
 */
export function createZenlayerClient(options: ZenlayerClientOptions): ZenlayerClient {
  const auth = readCredentials(options);
  const baseUrl = requireHttpUrl('baseUrl', options.baseUrl ?? ZENLAYER_DEFAULT_BASE_URL);
  const now = options.now ?? (() => new Date());
  const timeoutMs = requireMs('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, 1);
  const retry = resolveRetry(options.retry);
  const clientConcurrency = requireInteger('concurrency', options.concurrency ?? DEFAULT_CONCURRENCY);
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

  // The host is the base URL's: every path is relative to it. URL.host is lower-case and
  // carries the port only when it is not the scheme's default, exactly the Host fetch sends.
  const host = new URL(baseUrl).host;
  // Bodies serialized by `call`, keyed by the params object openapi-fetch hands back to the
  // middleware, which signs that very string and hands it on, keyed by the Request, to
  // directFetch, which sends it as is (see transport/direct-fetch.ts).
  const sentBodies = new WeakMap<object, string>();
  const knownBodies: KnownBodies = new WeakMap();

  // Runs on every attempt, retries included, so each one gets a fresh timestamp and signature.
  const authenticate: Middleware = {
    onRequest({ request, params }) {
      // Every request goes through `call`, which registers its body: nothing is cloned to read it.
      const body = sentBodies.get(params);
      if (body === undefined) throw new Error(`request to ${request.url} has no registered body`);
      knownBodies.set(request, body);
      if (auth.kind === 'bearer') {
        request.headers.set('Authorization', `Bearer ${auth.token}`);
        return request;
      }
      const timestamp = Math.floor(now().getTime() / 1000);
      const input = { body, contentType: request.headers.get('content-type') ?? '', host, timestamp };
      request.headers.set('X-ZC-Timestamp', String(timestamp));
      request.headers.set('X-ZC-Signature-Method', SIGNATURE_METHOD);
      request.headers.set('Authorization', authorizationHeader(input, auth.accessKeyId, auth.key));
      return request;
    },
  };
  const api = createClient<paths>({
    baseUrl,
    headers: { 'Content-Type': CONTENT_TYPE },
    fetch: directFetch(options.fetch ?? globalThis.fetch, knownBodies),
  });
  api.use(authenticate);
  // The three paths differ only in their body; one loosely typed entry point serves them all
  // (the typed bodies are enforced by `call` below).
  const post = api.POST as unknown as (
    path: string,
    init: object,
  ) => Promise<{ data?: { requestId: string }; error?: unknown; response: Response }>;

  async function call<A extends ZenlayerAction>(
    action: A,
    ids: string[],
    body: ZenlayerRequestBody<A>,
    opts: ReleaseOptions & { subject: string },
  ): Promise<ReleaseResult> {
    const { path, service } = ROUTES[action];
    const context = { operation: action, subject: opts.subject, timeoutMs, signal: opts.signal };
    // Serialized once: every attempt sends (and signs) the same bytes.
    const json = JSON.stringify(body);
    const params = { header: { 'X-ZC-Action': action, 'X-ZC-Version': versions[service] } };
    sentBodies.set(params, json);
    for (let retryNo = 0; ; retryNo++) {
      const { data, error, response } = await attempt(context, (signal) =>
        post(path, { params, body, bodySerializer: () => json, signal }),
      );
      if (response.ok && data) return { requestId: data.requestId, alreadyGone: false };
      const apiError = toApiError(action, ids, response, error);
      if (opts.ignoreMissing && apiError.isNotFound) return { requestId: apiError.requestId, alreadyGone: true };
      const delay = isRetryable(apiError)
        ? backoffDelay(retry, retryNo, retryAfterMs(response.headers.get('retry-after'), now))
        : undefined;
      if (delay === undefined) throw apiError;
      await retry.sleep(delay, opts.signal);
    }
  }

  async function releaseBatch(ids: string[], opts: ReleaseOptions): Promise<ReleasedBatch[]> {
    const subject = ids.length === 1 ? `instance ${ids[0]}` : `${ids.length} instances`;
    try {
      // A not-found batch is only "already gone" when it names one id; see below for more.
      const result = await call(
        'ReleaseInstances',
        ids,
        { instanceIds: ids },
        { ...opts, ignoreMissing: opts.ignoreMissing === true && ids.length === 1, subject },
      );
      return [{ ids, ...result }];
    } catch (error) {
      // One missing id fails the whole batch and the answer does not say which, so with
      // ignoreMissing each id is released on its own (one at a time, to stay within the
      // concurrency bound) to learn which ones are gone and release the rest.
      if (!(opts.ignoreMissing && ids.length > 1 && error instanceof ZenlayerApiError && error.isNotFound)) throw error;
      const singles: ReleasedBatch[] = [];
      for (const id of ids) singles.push(...(await releaseBatch([id], opts)));
      return singles;
    }
  }

  const client: ZenlayerClient = {
    async releaseInstances(ids, opts = {}) {
      const unique = [...new Set(requireIds('instanceIds', ids))];
      const concurrency =
        opts.concurrency === undefined ? clientConcurrency : requireInteger('concurrency', opts.concurrency);
      const batches = chunk(unique, MAX_IDS_PER_REQUEST);
      const released: ReleasedBatch[][] = [];
      const failed: Array<FailedBatch & { index: number }> = [];
      const report = (progress: BatchProgress) => {
        try {
          opts.onBatch?.(progress);
        } catch {
          // Ignored on purpose; see ReleaseInstancesOptions.onBatch.
        }
      };
      await mapWithConcurrency(batches, concurrency, async (batch, index) => {
        opts.signal?.throwIfAborted();
        let done: ReleasedBatch[];
        try {
          done = await releaseBatch(batch, opts);
        } catch (error) {
          // The caller's abort ends the whole call; anything else fails this batch only.
          if (opts.signal?.aborted) throw opts.signal.reason;
          failed.push({ index, ids: batch, error: error as Error });
          return report({ index, total: batches.length, ids: batch, error: error as Error });
        }
        released[index] = done;
        const requestIds = [...new Set(done.map((d) => d.requestId).filter((r) => r !== undefined))];
        report({
          index,
          total: batches.length,
          ids: batch,
          requestId: requestIds.join(', ') || undefined,
          alreadyGone: done.every((d) => d.alreadyGone),
        });
      });
      const inOrder = released.flat().filter(Boolean);
      if (failed.length > 0) {
        const failedInOrder = failed
          .sort((a, b) => a.index - b.index)
          .map(({ ids: failedIds, error }) => ({ ids: failedIds, error }));
        throw new ZenlayerBatchError(inOrder, failedInOrder, batches.length);
      }
      return { ids: unique, batches: inOrder };
    },
    async releaseDisk(diskId, opts = {}) {
      const id = requireId('diskId', diskId);
      return call('ReleaseDisk', [id], { diskId: id }, { ...opts, subject: `disk ${id}` });
    },
    async destroyPort(portId, opts = {}) {
      const id = requireId('portId', portId);
      return call('DestroyPort', [id], { portId: id }, { ...opts, subject: `port ${id}` });
    },
  };
  return withSafeFace(client, 'ZenlayerClient', () => ({
    baseUrl,
    auth:
      auth.kind === 'bearer'
        ? `Bearer ${MASK}`
        : `${SIGNATURE_METHOD} (accessKeyId ${auth.accessKeyId}, password ${MASK})`,
  }));
}
