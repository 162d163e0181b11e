// The three ways into the mock, for one test file: the suite's servers (global setup) reached
// with fetch as Node has it, createMockFetch, and MSW handlers under setupServer intercepting
// global fetch for their own origins. The in-process ways are built with the servers' options.
import { createMockFetch, type MockFetch } from '@cloud-release/mock';
import { createHandlers } from '@cloud-release/mock/msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Api } from './spec.js';
import { SUITE_MOCKS } from './suite-mocks.js';

export interface WayIn {
  name: 'server' | 'createMockFetch' | 'msw';
  urls: Record<Api, string>;
  fetch: typeof fetch;
}

// Taken before MSW patches the global: the server way goes over a socket untouched.
const socketFetch = globalThis.fetch;

/** Origins that resolve nowhere: a request that escaped MSW would fail, not reach a real API. */
const MSW_URLS: Record<Api, string> = {
  zenlayer: 'https://zenlayer.msw.invalid',
  neutron: 'https://neutron.msw.invalid:9696',
};
const FETCH_URLS: Record<Api, string> = {
  zenlayer: 'http://zenlayer.mock.invalid',
  neutron: 'http://neutron.mock.invalid',
};

/** The ways in, ready inside this file's tests (registers its own beforeAll/afterAll). */
export function waysIn(): WayIn[] {
  const mockFetches: Partial<Record<Api, MockFetch>> = {};
  const msw = { close: () => {} };
  beforeAll(async () => {
    for (const api of ['zenlayer', 'neutron'] as const)
      mockFetches[api] = await createMockFetch({ ...SUITE_MOCKS[api], baseUrl: FETCH_URLS[api] });
    const handlers = await Promise.all(
      (['zenlayer', 'neutron'] as const).map((api) => createHandlers({ ...SUITE_MOCKS[api], baseUrl: MSW_URLS[api] })),
    );
    const server = setupServer(...handlers.flatMap((h) => h.handlers));
    // Only the in-process ways' origins are MSW's: anything else escaping to it is a bug here.
    server.listen({ onUnhandledRequest: 'error' });
    msw.close = () => server.close();
  });
  afterAll(async () => {
    msw.close();
    await Promise.all(Object.values(mockFetches).map((m) => m.close()));
  });
  return [
    {
      name: 'server',
      urls: { zenlayer: inject('zenlayerUrl'), neutron: inject('neutronUrl') },
      fetch: (input, init) => socketFetch(input, init),
    },
    {
      name: 'createMockFetch',
      urls: FETCH_URLS,
      fetch: (input, init) => {
        const request = new Request(input, init);
        const api = request.url.startsWith(FETCH_URLS.zenlayer) ? 'zenlayer' : 'neutron';
        return mockFetches[api]!(request);
      },
    },
    { name: 'msw', urls: MSW_URLS, fetch: (input, init) => globalThis.fetch(input, init) },
  ];
}

/** Per connection, not per answer: what node:http adds on the wire. */
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);

/** Fresh per answer: the request ids, made equal so answers compare. */
export const sameIds = (text: string) =>
  text
    .replace(/req-[0-9a-f-]{36}/g, 'req-<id>')
    .replace(/T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/g, 'T<id>');

/**
 * A stale timestamp's refusal names its skew, counted on the server's clock at the moment of
 * asking; two ways asked one after the other may straddle a second, so the count is masked.
 */
export const sameSkew = (text: string) => text.replace(/is \d+ s away/g, 'is <n> s away');

/** The headers a client acts on (all the mock sets: content type and length, request id, CORS, Retry-After, WWW-Authenticate…). */
export const answerHeaders = (headers: Headers) =>
  Object.fromEntries([...headers].filter(([name]) => !PER_CONNECTION.has(name)).map(([n, v]) => [n, sameIds(v)]));

/** A fetch that keeps the last answer it got (its headers, for comparing ways). */
export function recording(fetch: typeof globalThis.fetch) {
  const seen: { response?: Response } = {};
  const recorded: typeof globalThis.fetch = async (input, init) => (seen.response = await fetch(input, init));
  return { fetch: recorded, seen };
}
