// The three ways into one mock, opened alike for tests that compare them: the server (global
// fetch to its port), the in-process fetch, and MSW handlers under setupServer intercepting
// global fetch for their baseUrl. Each is closed after its test.
import { createMockFetch, type StartMockOptions, startMock } from '@cloud-release/mock';
import { createHandlers } from '@cloud-release/mock/msw';
import { setupServer } from 'msw/node';
import { closeAfterTest } from './after-test.js';

export type Way = 'server' | 'fetch' | 'msw';
export const WAYS: Way[] = ['server', 'fetch', 'msw'];

export interface Opened {
  way: Way;
  /** The base URL to call. */
  url: string;
  /** The fetch that reaches the mock this way. */
  fetch: typeof fetch;
}

/** The mock MSW answers for in these tests: a name that resolves nowhere. */
export const MSW_BASE_URL = 'https://mock-via-msw.invalid';

export async function openWay(way: Way, options: Omit<StartMockOptions, 'port' | 'host'>): Promise<Opened> {
  if (way === 'server') {
    const mock = await startMock(options);
    closeAfterTest(() => mock.close());
    return { way, url: mock.url, fetch: (input, init) => fetch(input, init) };
  }
  if (way === 'fetch') {
    const mock = await createMockFetch(options);
    closeAfterTest(() => mock.close());
    return { way, url: mock.url, fetch: mock };
  }
  const mock = await createHandlers({ ...options, baseUrl: MSW_BASE_URL });
  const server = setupServer(...mock.handlers);
  // Anything else (a server way's 127.0.0.1) goes out untouched.
  server.listen({ onUnhandledRequest: 'bypass' });
  closeAfterTest(() => server.close());
  // Through the global fetch that MSW patched, looked up at call time.
  return { way, url: mock.url, fetch: (input, init) => globalThis.fetch(input, init) };
}

/** What a client notices of an answer, with the fresh parts (request ids, the date) made equal. */
export async function noticed(response: Response) {
  const fresh = (text: string) =>
    text
      .replace(/req-[0-9a-f-]{36}/g, 'req-<id>')
      .replace(/T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/g, 'T<id>');
  // Per connection, not per answer: what node:http adds on the wire.
  const perConnection = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding']);
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) => !perConnection.has(name)).map(([name, value]) => [name, fresh(value)]),
  );
  return { status: response.status, headers, body: fresh(await response.text()) };
}
