// createZenlayerClient(): the three release actions, signed, typed, retried only when the
// API says "later", batched, and never holding a secret where it could be printed.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/zenlayer.js';
import { ZENLAYER_DEFAULT_BASE_URL } from '../generated-clients.js';
import { ValidationError } from '../transport/errors.js';
import { withSafeFace } from '../transport/redact.js';
import { abortableSleep, backoffDelay, DEFAULT_RETRY, retryAfterMs, type RetryOptions } from '../transport/retry.js';
import { attempt } from '../transport/send.js';
import { ZenlayerBatchError, type FailedBatch, type ReleasedBatch } from './batch-error.js';
import { chunk, mapWithConcurrency } from './batching.js';
import { toApiError, ZenlayerApiError } from './errors.js';
import { authorizationHeader, SIGNATURE_METHOD, signingKey } from './signing.js';
import type { ZenlayerAction, ZenlayerRequestBody } from './types.js';
import { MAX_IDS_PER_REQUEST, requireId, requireIds } from './validate.js';

export type ZenlayerService = 'sdn' | 'vm' | 'zec';

/** The X-ZC-Version the official clients send for these calls. */
export const DEFAULT_API_VERSIONS: Readonly<Record<ZenlayerService, string>> = { sdn: '2023-08-30', vm: '2023-03-13', zec: '2024-04-01' };
/** 60 s, as the official Python SDK: long enough for a slow accept, short enough to notice. */
export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_CONCURRENCY = 4;

const ROUTES = {
  DestroyPort: { path: '/api/v2/sdn', service: 'sdn' },
  ReleaseDisk: { path: '/api/v2/zec', service: 'zec' },
  ReleaseInstances: { path: '/api/v2/vm', service: 'vm' },
} as const satisfies Record<ZenlayerAction, { path: keyof paths; service: ZenlayerService }>;

export type ZenlayerClientOptions = (
  | { accessKeyId: string; accessKeyPassword: string; bearerToken?: undefined }
  | { bearerToken: string; accessKeyId?: undefined; accessKeyPassword?: undefined }
) & {
  /** Default https://console.zenlayer.com; point it at the mock in tests. */
  baseUrl?: string;
  fetch?: typeof globalThis.fetch;
  /** The clock that stamps X-ZC-Timestamp. */
  now?: () => Date;
  /** Per attempt. Default 60 000 ms. */
  timeoutMs?: number;
  /** Back-off for 429 REQUEST_LIMIT_EXCEEDED and 503 SERVICE_TEMPORARY_UNAVAILABLE; `false` = never retry. */
  retry?: RetryOptions | false;
  apiVersions?: Partial<Record<ZenlayerService, string>>;
  /** Batches of releaseInstances in flight at once. Default 4. */
  concurrency?: number;
};

export interface ReleaseOptions {
  signal?: AbortSignal;
  /** Not-found codes resolve as success with `alreadyGone: true` (openstacksdk's ignore_missing). */
  ignoreMissing?: boolean;
}

export interface BatchProgress {
  /** 0-based batch number, in id order. */
  index: number;
  total: number;
  ids: string[];
  requestId?: string | undefined;
  alreadyGone?: boolean;
  error?: Error;
}

export interface ReleaseInstancesOptions extends ReleaseOptions {
  /** Called as each batch ends, success or failure. */
  onBatch?: (progress: BatchProgress) => void;
  concurrency?: number;
}

export interface ReleaseResult {
  /** The accepted request's id; with `alreadyGone`, the id of the not-found answer. */
  requestId: string | undefined;
  alreadyGone: boolean;
}

export interface ReleaseInstancesResult {
  /** The ids released, de-duplicated, in first-seen order. */
  ids: string[];
  batches: ReleasedBatch[];
}

export interface ZenlayerClient {
  /** Releases any number of instances in batches of 100. Throws ZenlayerBatchError if any batch fails. */
  releaseInstances(ids: readonly string[], options?: ReleaseInstancesOptions): Promise<ReleaseInstancesResult>;
  releaseDisk(diskId: string, options?: ReleaseOptions): Promise<ReleaseResult>;
  destroyPort(portId: string, options?: ReleaseOptions): Promise<ReleaseResult>;
}

const RETRYABLE = new Set(['429 REQUEST_LIMIT_EXCEEDED', '503 SERVICE_TEMPORARY_UNAVAILABLE']);
const isRetryable = (e: ZenlayerApiError) => RETRYABLE.has(`${e.status} ${e.code}`) || (e.status === 429 && e.code === undefined);

function checkCredentials(options: ZenlayerClientOptions): void {
  const o = options as { accessKeyId?: unknown; accessKeyPassword?: unknown; bearerToken?: unknown };
  const signed = o.accessKeyId !== undefined || o.accessKeyPassword !== undefined;
  if (signed && o.bearerToken !== undefined) {
    throw new ValidationError('bearerToken', 'either a bearer token or an access key', 'Give either accessKeyId + accessKeyPassword or bearerToken, not both');
  }
  if (o.bearerToken !== undefined) {
    if (typeof o.bearerToken !== 'string' || o.bearerToken === '') throw new ValidationError('bearerToken', 'a non-empty string', 'bearerToken must be a non-empty string');
    return;
  }
  for (const field of ['accessKeyId', 'accessKeyPassword'] as const) {
    if (typeof o[field] !== 'string' || o[field] === '') {
      throw new ValidationError(field, 'a non-empty string', `${field} must be a non-empty string (or give bearerToken instead)`);
    }
  }
}

export function createZenlayerClient(options: ZenlayerClientOptions): ZenlayerClient {
  checkCredentials(options);
  const { accessKeyId, accessKeyPassword, bearerToken } = options as { accessKeyId?: string; accessKeyPassword?: string; bearerToken?: string };
  const baseUrl = options.baseUrl ?? ZENLAYER_DEFAULT_BASE_URL;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const versions = { ...DEFAULT_API_VERSIONS, ...options.apiVersions };
  const retry = options.retry === false ? { ...DEFAULT_RETRY, retries: 0 } : { ...DEFAULT_RETRY, ...options.retry };
  const sleep = (options.retry !== false && options.retry?.sleep) || abortableSleep;

  // The password lives only inside a non-extractable CryptoKey from here on.
  const key = accessKeyPassword !== undefined ? signingKey(accessKeyPassword) : undefined;
  // Signing sees the request exactly as it will be sent: the body bytes and content-type.
  const signing: Middleware = {
    async onRequest({ request }) {
      if (bearerToken !== undefined) {
        request.headers.set('Authorization', `Bearer ${bearerToken}`);
        return request;
      }
      const body = new Uint8Array(await request.clone().arrayBuffer());
      const timestamp = Math.floor(now().getTime() / 1000);
      const input = { body, contentType: request.headers.get('content-type') ?? '', host: new URL(request.url).host, timestamp };
      request.headers.set('X-ZC-Timestamp', String(timestamp));
      request.headers.set('X-ZC-Signature-Method', SIGNATURE_METHOD);
      request.headers.set('Authorization', await authorizationHeader(input, accessKeyId!, await key!));
      return request;
    },
  };
  const api = createClient<paths>({ baseUrl, ...(options.fetch && { fetch: options.fetch }) });
  api.use(signing);
  // The three paths differ only in their body; one loosely typed entry point serves them all.
  const post = api.POST as unknown as (path: string, init: object) => Promise<{ data?: { requestId: string }; error?: unknown; response: Response }>;

  async function call<A extends ZenlayerAction>(action: A, ids: string[], body: ZenlayerRequestBody<A>, opts: ReleaseOptions & { subject: string }): Promise<ReleaseResult> {
    const { path, service } = ROUTES[action];
    const context = { operation: action, subject: opts.subject, timeoutMs, signal: opts.signal };
    for (let attemptNo = 0; ; attemptNo++) {
      const { data, error, response } = await attempt(context, (signal) =>
        post(path, { params: { header: { 'X-ZC-Action': action, 'X-ZC-Version': versions[service] } }, body, signal }),
      );
      if (response.ok && data) return { requestId: data.requestId, alreadyGone: false };
      const apiError = await toApiError(action, ids, response, error);
      if (opts.ignoreMissing && apiError.isNotFound) return { requestId: apiError.requestId, alreadyGone: true };
      const delay = isRetryable(apiError) ? backoffDelay(retry, attemptNo, retryAfterMs(response.headers.get('retry-after'), now)) : undefined;
      if (delay === undefined) throw apiError;
      await sleep(delay, opts.signal);
    }
  }

  async function releaseBatch(ids: string[], opts: ReleaseOptions): Promise<ReleasedBatch[]> {
    const subject = ids.length === 1 ? `instance ${ids[0]}` : `${ids.length} instances`;
    try {
      // A not-found batch is only "already gone" when it names one id; see below for more.
      const result = await call('ReleaseInstances', ids, { instanceIds: ids }, { ...opts, ignoreMissing: opts.ignoreMissing === true && ids.length === 1, subject });
      return [{ ids, ...result }];
    } catch (error) {
      // One missing id fails the whole batch and says nothing of the others, so with
      // ignoreMissing each id is released on its own to learn which ones are gone.
      if (!(opts.ignoreMissing && ids.length > 1 && error instanceof ZenlayerApiError && error.isNotFound)) throw error;
      const singles: ReleasedBatch[] = [];
      for (const id of ids) singles.push(...(await releaseBatch([id], opts)));
      return singles;
    }
  }

  const client: ZenlayerClient = {
    async releaseInstances(ids, opts = {}) {
      const unique = [...new Set(requireIds('instanceIds', ids))];
      const batches = chunk(unique, MAX_IDS_PER_REQUEST);
      const released: ReleasedBatch[][] = [];
      const failed: FailedBatch[] = [];
      await mapWithConcurrency(batches, opts.concurrency ?? options.concurrency ?? DEFAULT_CONCURRENCY, async (batch, index) => {
        opts.signal?.throwIfAborted();
        try {
          const done = await releaseBatch(batch, opts);
          released[index] = done;
          const requestIds = [...new Set(done.map((d) => d.requestId))];
          opts.onBatch?.({ index, total: batches.length, ids: batch, requestId: requestIds.join(', '), alreadyGone: done.every((d) => d.alreadyGone) });
        } catch (error) {
          if (opts.signal?.aborted) throw error;
          failed.push({ ids: batch, error: error as Error });
          opts.onBatch?.({ index, total: batches.length, ids: batch, error: error as Error });
        }
      });
      const batchesInOrder = released.flat().filter(Boolean);
      if (failed.length > 0) throw new ZenlayerBatchError(batchesInOrder, failed);
      return { ids: unique, batches: batchesInOrder };
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
    auth: bearerToken !== undefined ? 'Bearer ***' : `${SIGNATURE_METHOD} (accessKeyId ${accessKeyId}, password ***)`,
  }));
}
