// The stateful mocks the teardown tests run against, in-process (createMockFetch: the same
// answers as over HTTP, without a socket, which is not what these tests are about), each
// closed after its test; and their control plane (/__mock/…) reached through it with a token.
import { createMockFetch } from '@cloud-release/mock';
import { afterEach } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  type TeardownOptions,
  teardown,
  type ZenlayerTeardownClient,
} from '../../src/index.js';

export const CONTROL_TOKEN = 'control-token-for-tests';
const running: Array<{ close(): Promise<void> }> = [];

/** Stops every mock the test started (also when it failed). */
export function stopMocksAfterEach(): void {
  afterEach(async () => {
    await Promise.all(running.splice(0).map((m) => m.close()));
  });
}

export interface MockHandle {
  url: string;
  /** The fetch that reaches this mock: the clients' `fetch`. */
  fetch: typeof fetch;
  /** A control-plane call over HTTP; resolves with the parsed JSON answer. */
  control(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Record<string, unknown>>;
  /** The journal read in-process and synchronously (for a hook that must not await). */
  requestsNow(): Array<{ operation: string | null }>;
  /** GET /__mock/requests: the journal, as [operation, ids, status, code]. */
  journal(): Promise<Array<{ operation: string; ids: string[]; status: number | null; code: string | null }>>;
}

async function start(api: 'zenlayer' | 'neutron', resources: unknown[], transitionMs: number): Promise<MockHandle> {
  const mock = await createMockFetch({
    api,
    mode: 'stateful',
    strict: true,
    transitionMs,
    controlToken: CONTROL_TOKEN,
    seed: { resources },
  });
  running.push(mock);
  const control: MockHandle['control'] = async (method, path, body) => {
    const res = await mock(`${mock.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    const text = await res.text();
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  };
  return {
    url: mock.url,
    fetch: mock,
    control,
    requestsNow: () => mock.requests(),
    journal: async () => (await control('GET', '/__mock/requests')).requests as never,
  };
}

/** A stateful Zenlayer mock seeded with `resources`, and a client for it that never retries. */
export async function zenlayerMock(resources: unknown[], transitionMs = 20) {
  const mock = await start('zenlayer', resources, transitionMs);
  return {
    mock,
    client: createZenlayerClient({ bearerToken: 't', baseUrl: mock.url, fetch: mock.fetch, retry: false }),
  };
}

/** A stateful Neutron mock seeded with `resources`, and a client for it. */
export async function neutronMock(resources: unknown[]) {
  const mock = await start('neutron', resources, 0);
  return { mock, client: createNeutronClient({ baseUrl: mock.url, token: 'tok', fetch: mock.fetch }) };
}

/** Short waits for the mock's short transitions. */
export const FAST = { minDelayMs: 5, maxDelayMs: 40, maxWaitMs: 5_000 };

/** The teardown resource of a Zenlayer instance, disk or port. */
export const zl = (type: 'instance' | 'disk' | 'port', id: string) => ({ provider: 'zenlayer' as const, type, id });

/** teardown() of Zenlayer `resources` through `client`, waiting FAST unless `options` say otherwise. */
export const zenlayerTeardown = (
  client: ZenlayerTeardownClient,
  resources: Array<ReturnType<typeof zl>>,
  options: TeardownOptions = {},
) => teardown({ zenlayer: client, resources, options: { zenlayerWait: FAST, ...options } });
