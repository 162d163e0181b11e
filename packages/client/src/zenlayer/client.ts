// createZenlayerClient(): the three release actions and their companion reads and moves,
// signed, typed, retried only when the API says "later", batched, and never holding a secret
// where it could be printed.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/zenlayer.js';
import { bodyRegistry } from '../transport/direct-fetch.js';
import { exchange, unexpectedAnswer } from '../transport/exchange.js';
import { MASK, withSafeFace } from '../transport/redact.js';
import { limitResponses } from '../transport/response-limit.js';
import { SDK_LANG, SDK_VERSION } from '../version.js';
import type { ReleaseOptions, ReleaseResult, ZenlayerClient } from './client-types.js';
import { companionMethods } from './companions.js';
import { toApiError } from './errors.js';
import { nodeCrypto } from './hmac.js';
import { CONTENT_TYPE, resolveOptions, type ZenlayerClientOptions, type ZenlayerService } from './options.js';
import { releaseInstances } from './release-instances.js';
import { authorizationHeader, authorizationHeaderAsync, SIGNATURE_METHOD } from './signing.js';
import type { ZenlayerAction, ZenlayerOperation, ZenlayerRequestBody } from './types.js';
import { requireId } from './validate.js';

// Every action of a service shares its URL (the action is the X-ZC-Action header); the spec's
// companion paths carry `#<Action>`, which fetch never sends, so the wire path is the same.
const ROUTES = {
  DestroyPort: { path: '/api/v2/sdn', service: 'sdn' },
  ReleaseDisk: { path: '/api/v2/zec', service: 'zec' },
  ReleaseInstances: { path: '/api/v2/vm', service: 'vm' },
  TerminateInstance: { path: '/api/v2/vm#TerminateInstance', service: 'vm' },
  DescribeInstances: { path: '/api/v2/vm#DescribeInstances', service: 'vm' },
  DescribeDisks: { path: '/api/v2/zec#DescribeDisks', service: 'zec' },
  TerminatePort: { path: '/api/v2/sdn#TerminatePort', service: 'sdn' },
  DescribePorts: { path: '/api/v2/sdn#DescribePorts', service: 'sdn' },
} as const satisfies Record<ZenlayerOperation, { path: keyof paths; service: ZenlayerService }>;

/** "Later" answers: rate limited (429, whatever the body says), or the service briefly unavailable. */
function isRetryable(e: { status: number; code?: string | undefined }): boolean {
  return (
    e.status === 429 ||
    e.code === 'REQUEST_LIMIT_EXCEEDED' ||
    (e.status === 503 && e.code === 'SERVICE_TEMPORARY_UNAVAILABLE')
  );
}

/** The documented 200 envelope's `response`, with its requestId; undefined for anything else (HTML, truncated JSON). */
function envelopeResponse(text: string | undefined): ({ requestId: string } & Record<string, unknown>) | undefined {
  try {
    const envelope = JSON.parse(text ?? '') as { requestId?: unknown; response?: unknown };
    // A `null` body throws here (null.requestId) and reads as undefined, like any other non-envelope.
    const requestId = envelope.requestId;
    if (typeof requestId !== 'string' || requestId === '') return undefined;
    // An object is kept (a spread null is nothing); anything else is no response at all.
    const response = typeof envelope.response === 'object' ? envelope.response : {};
    return { ...response, requestId };
  } catch {
    // Not JSON (an HTML page, a body cut short): no envelope, as below.
  }
  return undefined;
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
  const { auth, baseUrl, now, timeoutMs, retry, concurrency, versions, fetch, maxResponseBytes } =
    resolveOptions(options);
  // The host is the base URL's: every path is relative to it. URL.host is lower-case and
  // carries the port only when it is not the scheme's default, exactly the Host fetch sends.
  const host = new URL(baseUrl).host;
  const bodies = bodyRegistry(limitResponses(fetch, maxResponseBytes));

  // Runs on every attempt, retries included, so each one gets a fresh timestamp and signature.
  const authenticate: Middleware = {
    onRequest({ request, params }) {
      // Every request goes through `call`, which registers its body: nothing is cloned to read it.
      const body = bodies.claim(params, request);
      if (auth.kind === 'bearer') {
        request.headers.set('Authorization', `Bearer ${auth.token}`);
        return request;
      }
      const timestamp = Math.floor(now().getTime() / 1000);
      const input = { body, contentType: request.headers.get('content-type') ?? '', host, timestamp };
      request.headers.set('X-ZC-Timestamp', String(timestamp));
      request.headers.set('X-ZC-Signature-Method', SIGNATURE_METHOD);
      // Synchronous node:crypto where it exists (cheaper); WebCrypto in browsers and edge runtimes.
      if (nodeCrypto()) {
        request.headers.set('Authorization', authorizationHeader(input, auth.accessKeyId, auth.key));
        return request;
      }
      return authorizationHeaderAsync(input, auth.accessKeyId, auth.key).then((value) => {
        request.headers.set('Authorization', value);
        return request;
      });
    },
  };
  // Never follow a redirect: it would re-send the release (and its X-ZC-* headers) elsewhere.
  const api = createClient<paths>({
    baseUrl,
    // The headers every official SDK sends on every call (X-ZC-Service is set per action).
    headers: { 'Content-Type': CONTENT_TYPE, 'X-ZC-SDK-Lang': SDK_LANG, 'X-ZC-SDK-Version': SDK_VERSION },
    fetch: bodies.fetch,
    redirect: 'manual',
  });
  api.use(authenticate);
  // The three paths differ only in their body; one loosely typed entry point serves them all
  // (the typed bodies are enforced by `call` below).
  const post = api.POST as unknown as (
    path: string,
    init: object,
  ) => Promise<{ data?: string; error?: unknown; response: Response }>;

  /** One operation, sent (and retried) through the shared loop; `ok` reads the 200 envelope's `response`. */
  function send<A extends ZenlayerOperation, T>(
    action: A,
    ids: string[],
    body: ZenlayerRequestBody<A>,
    opts: ReleaseOptions & { subject: string; abortIsUnknown?: boolean },
    ok: (response: { requestId: string } & Record<string, unknown>) => T,
  ): Promise<T | ReleaseResult> {
    const { path, service } = ROUTES[action];
    const { subject, signal: callSignal, abortIsUnknown } = opts;
    const context = { operation: action, subject, ids, timeoutMs, signal: callSignal, abortIsUnknown, retry, now };
    // Serialized once: every attempt sends (and signs) the same bytes.
    const json = JSON.stringify(body);
    const params = { header: { 'X-ZC-Action': action, 'X-ZC-Version': versions[service], 'X-ZC-Service': service } };
    bodies.register(params, json);
    return exchange<{ data?: string; error?: unknown; response: Response }, T | ReleaseResult>(
      context,
      (signal) => post(path, { params, body, bodySerializer: () => json, parseAs: 'text', signal }),
      ({ data, error, response }) => {
        if (response.ok) {
          const answer = envelopeResponse(data);
          if (answer === undefined) return { error: unexpectedAnswer(context, response, 'the documented envelope') };
          return { value: ok(answer) };
        }
        const apiError = toApiError(action, ids, response, error);
        if (opts.ignoreMissing && apiError.isNotFound)
          return { value: { requestId: apiError.requestId, alreadyGone: true } };
        return { error: apiError, retryable: isRetryable(apiError) };
      },
    );
  }

  /** A release: accepted (its requestId), or already gone with `ignoreMissing`. */
  const call = <A extends ZenlayerAction>(
    action: A,
    ids: string[],
    body: ZenlayerRequestBody<A>,
    opts: ReleaseOptions & { subject: string; abortIsUnknown?: boolean },
  ): Promise<ReleaseResult> =>
    send(action, ids, body, opts, ({ requestId }) => ({ requestId, alreadyGone: false })) as Promise<ReleaseResult>;

  const client: ZenlayerClient = {
    releaseInstances: async (ids, opts = {}) =>
      releaseInstances(
        (batch, o) => call('ReleaseInstances', batch, { instanceIds: batch }, o),
        ids,
        opts,
        concurrency,
      ),
    async releaseDisk(diskId, opts = {}) {
      const id = requireId('diskId', diskId);
      return call('ReleaseDisk', [id], { diskId: id }, { ...opts, subject: `disk ${id}` });
    },
    async destroyPort(portId, opts = {}) {
      const id = requireId('portId', portId);
      return call('DestroyPort', [id], { portId: id }, { ...opts, subject: `port ${id}` });
    },
    // Reads and moves never take ignoreMissing: a companion's 404 is an answer to report.
    ...companionMethods((action, ids, body, opts) =>
      send(action, ids, body as never, { signal: opts.signal, subject: opts.subject }, (answer) => answer),
    ),
  };
  return withSafeFace(client, 'ZenlayerClient', () => ({
    baseUrl,
    auth:
      auth.kind === 'bearer'
        ? `Bearer ${MASK}`
        : `${SIGNATURE_METHOD} (accessKeyId ${auth.accessKeyId}, password ${MASK})`,
  }));
}
