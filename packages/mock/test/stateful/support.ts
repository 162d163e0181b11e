// Starting stateful mocks in tests, and calling them as a client would: over HTTP, or through
// createMockFetch where the socket is not what the test is about (the same answers, faster).
import {
  createMockFetch,
  type StartMockOptions,
  type StatefulMock,
  type StatefulMockFetch,
  startMock,
} from '@cloud-release/mock';
import { expect } from 'vitest';
import { closeAfterTest } from '../support/after-test.js';
import { SERVICE } from '../support/mocks.js';

export async function stateful(options: Omit<StartMockOptions, 'mode'>): Promise<StatefulMock> {
  const mock = await startMock({ ...options, mode: 'stateful' });
  closeAfterTest(() => mock.close());
  return mock;
}

/** A stateful mock without a port: the helpers below call it through its own fetch. */
export async function statefulInProcess(options: Omit<StartMockOptions, 'mode'>): Promise<StatefulMockFetch> {
  const mock = await createMockFetch({ ...options, mode: 'stateful' });
  closeAfterTest(() => mock.close());
  return mock;
}

/** A mock the helpers call: a server at its url, or an in-process mock, which is its own fetch. */
type Reached = { url: string } | StatefulMockFetch;
const fetchOf = (mock: Reached): typeof fetch => (typeof mock === 'function' ? mock : fetch);

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: answers are asserted field by field.
  body: any;
  headers: Headers;
}

/** One Zenlayer action, as the SDKs send it (bearer auth, JSON body, X-ZC-Action). */
export async function zenlayer(mock: Reached, action: string, body: unknown): Promise<Reply> {
  const response = await fetchOf(mock)(`${mock.url}/api/v2/${SERVICE[action]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'x-zc-action': action },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** One Neutron request with a Keystone token. */
export async function neutron(
  mock: Reached,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetchOf(mock)(`${mock.url}${path}`, {
    method,
    headers: { 'x-auth-token': 'token-a', ...headers },
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

export const statusOf = async (mock: Reached, action: string, ids: Record<string, string[]>) =>
  (await zenlayer(mock, action, ids)).body.response.dataSet.map(
    (d: Record<string, string>) => Object.entries(d).find(([k]) => k.endsWith('Status'))?.[1],
  );

export const REQUEST_ID = /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

/** A clock a test steps by hand: pass `now: clock.now` and call `clock.advance(ms)`. */
export function manualClock() {
  let ms = Date.now();
  return {
    now: () => new Date(ms),
    advance(by: number) {
      ms += by;
    },
  };
}

/**
 * One control-plane call, `/__mock/<path>`, as application/json with a JSON body (a string is
 * sent as it is); `headers` adds to (or replaces) the content type, e.g. a credential.
 */
export async function control(
  mock: Reached,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const response = await fetchOf(mock)(`${mock.url}/__mock/${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body !== undefined && { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** A control-plane refusal: 400 problem+json of `kind`, with its title; returns the detail. */
export function refusalDetail(answer: Reply, kind: string, title: string): string {
  expect(answer.status).toBe(400);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.headers.get('x-cloud-release-mock-error')).toBe(kind);
  expect(answer.body).toMatchObject({ type: `https://cloud-release.dev/mock-errors/${kind}`, title });
  return answer.body.detail;
}
