// Each generated client, driven generically from an Operation: a new operation in the spec
// is called the same way without touching this file.
import {
  createNeutronClient,
  createNeutronFetchClient,
  createZenlayerClient,
  createZenlayerFetchClient,
  NeutronApiError,
  type ObservedResponse,
  observingFetch,
  ZenlayerApiError,
  ZenlayerBatchError,
} from '@cloud-release/client';
import * as neutronTsFetch from '@cloud-release/client-typescript-fetch/neutron';
import * as zenlayerTsFetch from '@cloud-release/client-typescript-fetch/zenlayer';
import { expect } from 'vitest';
import type { Api, Operation, ResponseCase } from './spec.js';

/** What came back, and how the client surfaced it. */
export interface Outcome {
  status: number;
  body: unknown;
  /** 'data' / 'error' (openapi-fetch), 'resolved' / 'threw-response' (typescript-fetch), 'resolved' / 'threw' (others). */
  surfaced: string;
  thrown?: unknown;
}

/** Where a client sends its requests: the mock's base URL and the fetch that reaches it. */
export interface Target {
  baseUrl: string;
  fetch: typeof fetch;
}

export interface ClientUnderTest {
  name: string;
  /** Whether this client can call the operation at all (the generated ones call every one). */
  supports(op: Operation): boolean;
  /** How a response of this status must surface. */
  expectedSurface(status: number): string;
  call(op: Operation, target: Target, extraHeaders: Record<string, string>): Promise<Outcome>;
  /** Client-specific checks of what the caller got, beyond status and body. */
  verify?(outcome: Outcome, response: ResponseCase): void;
}

/** The bearer token the suite's Zenlayer mock is told to accept. */
export const SUITE_BEARER_TOKEN = 'contract-suite-token';

/** Credentials the mocks accept: Neutron checks the token's presence, Zenlayer its listing. */
export const auth: Record<Api, Record<string, string>> = {
  zenlayer: { Authorization: `Bearer ${SUITE_BEARER_TOKEN}` },
  neutron: { 'X-Auth-Token': 'contract-suite-token' },
};

export const openapiFetch: ClientUnderTest = {
  name: 'openapi-fetch',
  supports: () => true,
  expectedSurface: (status) => (status < 300 ? 'data' : 'error'),
  async call(op, { baseUrl, fetch }, extraHeaders) {
    const client = (op.api === 'zenlayer'
      ? createZenlayerFetchClient({ baseUrl, fetch })
      : createNeutronFetchClient({ baseUrl, fetch })) as unknown as {
      request(
        method: string,
        path: string,
        init: unknown,
      ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
    };
    const { data, error, response } = await client.request(op.method, op.path, {
      params: { header: { ...op.headers, ...auth[op.api], ...extraHeaders }, path: op.pathParams },
      ...(op.body !== undefined && { body: op.body }),
    });
    return { status: response.status, body: error ?? data, surfaced: error !== undefined ? 'error' : 'data' };
  },
};

// openapi-generator's naming: 'X-ZC-Action' → xZCAction, 'port_id' → portId, 'If-Match' → ifMatch.
const camel = (name: string) =>
  name
    .split(/[-_]/)
    .map((part, i) => (i === 0 ? part.toLowerCase() : part[0]!.toUpperCase() + part.slice(1)))
    .join('');
const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s[0]!.toUpperCase() + s.slice(1);

type TsFetchModule = typeof zenlayerTsFetch | typeof neutronTsFetch;
type RawResult = { raw: Response; value(): Promise<unknown> };

export const typescriptFetch: ClientUnderTest = {
  name: 'typescript-fetch',
  supports: () => true,
  expectedSurface: (status) => (status < 300 ? 'resolved' : 'threw-response'),
  async call(op, { baseUrl, fetch }, extraHeaders) {
    const mod: TsFetchModule = op.api === 'zenlayer' ? zenlayerTsFetch : neutronTsFetch;
    const [authHeader, authValue] = Object.entries(auth[op.api])[0]!;
    const configuration = new mod.Configuration({
      basePath: baseUrl,
      fetchApi: fetch,
      headers: extraHeaders,
      apiKey: (name: string) => (name === authHeader ? authValue : ''),
    });
    const ApiClass = (
      mod as unknown as Record<string, new (c: unknown) => Record<string, (p: unknown) => Promise<RawResult>>>
    )[`${upperFirst(op.tag)}Api`]!;
    const params: Record<string, unknown> = {};
    for (const [name, value] of Object.entries({ ...op.headers, ...op.pathParams })) params[camel(name)] = value;
    if (op.bodySchema) params[lowerFirst(op.bodySchema)] = op.body;
    try {
      const result = await new ApiClass(configuration)[`${lowerFirst(op.operationId)}Raw`]!(params);
      const body = result.raw.status === 204 ? undefined : await result.value();
      return { status: result.raw.status, body, surfaced: 'resolved' };
    } catch (thrown) {
      if (!(thrown instanceof Response)) throw thrown;
      return { status: thrown.status, body: await thrown.json(), surfaced: 'threw-response', thrown };
    }
  },
};

/** The access key the suite's Zenlayer mock knows, so it verifies signatures for real. */
export const SUITE_CREDENTIALS = { accessKeyId: 'AK-CONTRACT', accessKeyPassword: 'contract-suite-password' } as const;

/** Adds headers to every request and keeps the last answer as the wire carried it. */
function recordingFetch(extraHeaders: Record<string, string>, fetch: typeof globalThis.fetch) {
  const seen: { response?: ObservedResponse } = {};
  const withHeaders = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    for (const [name, value] of Object.entries(extraHeaders)) request.headers.set(name, value);
    return fetch(request);
  }) as typeof fetch;
  return { fetch: observingFetch({ onResponse: (_, response) => (seen.response = response) }, withHeaders), seen };
}

/**
 * The operations @cloud-release/client has no method for: Neutron's version documents, which
 * no client here needs. It calls every other operation of both specs.
 */
export const NOT_CALLED_BY_CLOUD_RELEASE = ['ListApiResources', 'ListApiVersions'];
/** Method names that are not the operation id with a lower-case first letter. */
const METHOD_OF: Record<string, string> = { ShowPort: 'getPort' };

/** @cloud-release/client: the signed, typed client users call. */

export const cloudRelease: ClientUnderTest = {
  name: '@cloud-release/client',
  supports: (op) => !NOT_CALLED_BY_CLOUD_RELEASE.includes(op.operationId),
  expectedSurface: (status) => (status < 300 ? 'resolved' : 'threw'),
  async call(op, target, extraHeaders) {
    const { baseUrl } = target;
    const { fetch, seen } = recordingFetch(extraHeaders, target.fetch);
    const method = METHOD_OF[op.operationId] ?? lowerFirst(op.operationId);
    // Each action takes its one id (or ids) as the only argument: the body's only field, or the path id.
    const argument = op.body !== undefined ? Object.values(op.body as object)[0] : Object.values(op.pathParams)[0];
    const client = (op.api === 'zenlayer'
      ? createZenlayerClient({ ...SUITE_CREDENTIALS, baseUrl, fetch, retry: false })
      : createNeutronClient({ baseUrl, token: 'contract-suite-token', fetch })) as unknown as Record<
      string,
      (arg: unknown) => Promise<unknown>
    >;
    let surfaced = 'resolved';
    let thrown: unknown;
    let value: unknown;
    try {
      value = await client[method]!(argument);
    } catch (error) {
      surfaced = 'threw';
      thrown = error;
    }
    const { status, body } = seen.response!;
    return { status, body, surfaced, thrown: thrown ?? value };
  },
  verify(outcome, response) {
    const example = response.value as
      | { requestId?: string; code?: string; NeutronError?: { type: string } }
      | undefined;
    // The mock answers a fresh request id, not the example's: the client must carry the one on the wire.
    const wireRequestId = (outcome.body as { requestId?: string } | undefined)?.requestId;
    if (outcome.surfaced === 'resolved') {
      // Neutron's reads resolve to the port or the ports the wire carried.
      const neutronRead = outcome.body as { port?: unknown; ports?: unknown } | undefined;
      if (neutronRead?.port !== undefined || neutronRead?.ports !== undefined) {
        return void expect(outcome.thrown).toEqual(neutronRead.port ?? neutronRead.ports);
      }
      const expected = example?.requestId ? { requestId: wireRequestId } : { alreadyGone: false };
      if (Array.isArray((outcome.thrown as { batches?: unknown }).batches)) {
        return void expect((outcome.thrown as { batches: unknown[] }).batches).toEqual([
          expect.objectContaining(expected),
        ]);
      }
      return void expect(outcome.thrown).toMatchObject(expected);
    }
    // Batches wrap the API error; single calls throw it directly.
    const error = outcome.thrown instanceof ZenlayerBatchError ? outcome.thrown.failed[0]!.error : outcome.thrown;
    if (example?.NeutronError || (response.status === 401 && !example?.code)) {
      expect(error).toBeInstanceOf(NeutronApiError);
      expect(error).toMatchObject({ status: response.status, type: example?.NeutronError?.type ?? 'Unauthorized' });
    } else {
      expect(error).toBeInstanceOf(ZenlayerApiError);
      expect(error).toMatchObject({ status: response.status, code: example!.code, requestId: wireRequestId });
    }
  },
};

export const allClients = [openapiFetch, typescriptFetch, cloudRelease];
