// One Zenlayer operation on the wire: its body serialized once, each attempt signed afresh over
// those very bytes and sent with fetch (see README, "Why the client sends with fetch"), retried
// only when the API says "later", and its answer read as the spec documents it.
import { exchange, type Judgement, unexpectedAnswer } from '../transport/exchange.js';
import type { Answer } from '../transport/response-limit.js';
import type { ResolvedRetry } from '../transport/retry.js';
import { errorBody, joinUrl, type Send } from '../transport/wire.js';
import type { ReleaseOptions, ReleaseResult } from './client-types.js';
import type { AnswerCheck, SendCompanion } from './companions.js';
import { toApiError } from './errors.js';
import type { ZenlayerService } from './options.js';
import type { SendBatch } from './release-instances.js';
import type { CallHeaders } from './signed-request.js';
import type {
  ZenlayerAction,
  ZenlayerCompanion,
  ZenlayerOperation,
  ZenlayerPaths,
  ZenlayerRequestBody,
} from './types.js';

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
} as const satisfies Record<ZenlayerOperation, { path: keyof ZenlayerPaths; service: ZenlayerService }>;

/** "Later" answers: rate limited (429, whatever the body says), or the service briefly unavailable. */
function isRetryable(e: { status: number; code?: string | undefined }): boolean {
  return (
    e.status === 429 ||
    e.code === 'REQUEST_LIMIT_EXCEEDED' ||
    (e.status === 503 && e.code === 'SERVICE_TEMPORARY_UNAVAILABLE')
  );
}

/** The documented 200 envelope's `response`, with its requestId; undefined for anything else (HTML, truncated JSON). */
function envelopeResponse(text: string): ({ requestId: string } & Record<string, unknown>) | undefined {
  try {
    const envelope = JSON.parse(text) as { requestId?: unknown; response?: unknown };
    // A `null` body throws here (null.requestId) and reads as undefined, like any other non-envelope.
    const requestId = envelope.requestId;
    if (typeof requestId !== 'string' || requestId === '') return undefined;
    // An object is kept (a spread null is nothing); anything else is no response at all.
    const response = typeof envelope.response === 'object' ? envelope.response : {};
    return { ...response, requestId };
  } catch {
    // Not JSON (an HTML page, a body cut short, nothing): no envelope, as below.
  }
  return undefined;
}

export interface CallConfig {
  baseUrl: string;
  timeoutMs: number;
  retry: ResolvedRetry;
  now: () => Date;
  versions: Readonly<Record<ZenlayerService, string>>;
  send: Send;
  /** One attempt's headers over the body it sends (see signed-request.ts). */
  headers: (call: CallHeaders, body: string) => Record<string, string> | Promise<Record<string, string>>;
}

type CallOptions = ReleaseOptions & { subject: string; abortIsUnknown?: boolean; check?: AnswerCheck | undefined };

export interface ZenlayerCalls {
  /** A release: accepted (its requestId), or already gone with `ignoreMissing`. */
  release<A extends ZenlayerAction>(
    action: A,
    ids: string[],
    body: ZenlayerRequestBody<A>,
    options: CallOptions,
  ): Promise<ReleaseResult>;
  /** One ReleaseInstances request (a batch of releaseInstances). */
  releaseBatch: SendBatch;
  /** A read or a move: the 200 envelope's `response`. Never takes ignoreMissing: its 404 is an answer to report. */
  companion: SendCompanion;
}

export function zenlayerCalls(config: CallConfig): ZenlayerCalls {
  const { baseUrl, timeoutMs, retry, now, versions, send, headers } = config;

  /** One operation, sent (and retried) through the shared loop; a release's answer or a companion's. */
  function call(
    action: ZenlayerOperation,
    ids: string[],
    body: object,
    opts: CallOptions,
    kind: 'release' | 'companion',
  ): Promise<unknown> {
    const { path, service } = ROUTES[action];
    const { subject, signal: callSignal, abortIsUnknown } = opts;
    const context = { operation: action, subject, ids, timeoutMs, signal: callSignal, abortIsUnknown, retry, now };
    const url = joinUrl(baseUrl, path);
    // Serialized once: every attempt sends (and signs) these same bytes.
    const json = JSON.stringify(body);
    const callHeaders = { 'X-ZC-Action': action, 'X-ZC-Version': versions[service], 'X-ZC-Service': service };
    const attempt = (signal: AbortSignal): Promise<Answer> => {
      const signed = headers(callHeaders, json);
      const request = (h: Record<string, string>) => send({ method: 'POST', url, headers: h, body: json }, signal);
      return signed instanceof Promise ? signed.then(request) : request(signed);
    };
    return exchange(context, attempt, ({ response, text }): Judgement<unknown> => {
      if (response.ok) {
        const answer = envelopeResponse(text);
        if (answer === undefined) return { error: unexpectedAnswer(context, response, 'the documented envelope') };
        const fault = opts.check?.(answer);
        if (fault !== undefined)
          return { error: unexpectedAnswer(context, response, `the documented answer (${fault})`) };
        return { value: kind === 'release' ? { requestId: answer.requestId, alreadyGone: false } : answer };
      }
      const apiError = toApiError(action, ids, response, errorBody(text));
      if (opts.ignoreMissing && apiError.isNotFound)
        return { value: { requestId: apiError.requestId, alreadyGone: true } };
      return { error: apiError, retryable: isRetryable(apiError) };
    });
  }

  return {
    release: (action, ids, body, opts) => call(action, ids, body, opts, 'release') as Promise<ReleaseResult>,
    releaseBatch: (ids, opts) =>
      call('ReleaseInstances', ids, { instanceIds: ids }, opts, 'release') as Promise<ReleaseResult>,
    companion: (action: ZenlayerCompanion, ids, body, opts) => call(action, ids, body, opts, 'companion'),
  };
}
