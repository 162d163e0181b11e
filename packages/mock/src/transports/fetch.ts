// createMockFetch(): one mock's engine as a fetch function, in-process: pass it as a client's
// `fetch` and no port is opened. It answers for one origin (`baseUrl`) only; what a server
// would not answer (a fault's dropped connection, a mock that was closed, another origin) it
// rejects as undici's fetch does, so a client under test meets the same failures.
import { createEngine, type MockOptions, type ModeOptions } from '../engine/create-engine.js';
import type { Api } from '../providers/index.js';
import type { StatefulMethods } from '../stateful-mock.js';
import { arrivalOf, networkFailure, originOf, requestOf, responseInit, type SentRequest } from './fetch-values.js';

/** Where a mock fetch answers when no baseUrl is given: `.invalid` never resolves, so nothing leaks out. */
export const DEFAULT_MOCK_BASE_URL = 'http://mock.invalid';

export interface MockFetchOptions extends MockOptions {
  /** The origin it answers for (default http://mock.invalid); use it as the client's baseUrl. */
  baseUrl?: string;
}

/** A fetch-compatible function answered by the mock, and the mock's own methods. */
export interface MockFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  api: Api;
  /** The origin it answers for, e.g. http://mock.invalid — use it as the client's baseUrl. */
  url: string;
  /** From now on every call rejects as a fetch to a closed port does. */
  close(): Promise<void>;
}

export interface StatefulMockFetch extends MockFetch, StatefulMethods {}

const abortReason = (signal: AbortSignal) =>
  signal.reason ?? new DOMException('This operation was aborted', 'AbortError');

export function createMockFetch(
  options: MockFetchOptions & ModeOptions & { mode: 'stateful' },
): Promise<StatefulMockFetch>;
export function createMockFetch(options: MockFetchOptions & ModeOptions): Promise<MockFetch>;
export async function createMockFetch(options: MockFetchOptions & ModeOptions): Promise<MockFetch | StatefulMockFetch> {
  const origin = originOf(options.baseUrl ?? DEFAULT_MOCK_BASE_URL);
  const engine = await createEngine(options);
  let closed = false;

  const mockFetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let sent: SentRequest;
    try {
      sent = requestOf(input, init);
    } catch (error) {
      return Promise.reject(error);
    }
    const { request, url } = sent;
    const { signal } = request;
    if (signal.aborted) return Promise.reject(abortReason(signal));
    if (closed) return Promise.reject(networkFailure(`connect ECONNREFUSED ${url.host}`, 'ECONNREFUSED'));
    if (url.origin !== origin)
      return Promise.reject(
        networkFailure(`getaddrinfo ENOTFOUND ${url.hostname} (this mock fetch answers ${origin} only)`, 'ENOTFOUND'),
      );
    const { arrival, bodyAbandoned } = arrivalOf(sent);
    // Called now, not after an await: the stateful mode numbers the request as it is sent.
    const answered = engine.handle(arrival).then((reply) => {
      const parts = responseInit(reply, request.method);
      if (!parts || bodyAbandoned()) throw networkFailure('other side closed', 'UND_ERR_SOCKET');
      // As fetch's own: the answer says which URL it is for.
      return Object.defineProperty(new Response(parts.body, parts.init), 'url', { value: request.url });
    });
    // Without a signal of the caller's, nothing can abort the call: no listener to add and remove.
    if (!init?.signal && !(input instanceof Request)) return answered;
    // An abort rejects at once, as fetch's does; the engine still finishes (and journals) the request.
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      answered.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };

  const extras = {
    api: engine.api,
    url: origin,
    close: async () => {
      closed = true;
    },
  };
  return Object.assign(mockFetch, extras, engine.methods);
}
