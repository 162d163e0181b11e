// A consumer's view of the stateful mock: a teardown script built on @cloud-release/client,
// rehearsed against an inventory, with the journal and faults as its test would use them.
import {
  createNeutronClient,
  createZenlayerClient,
  OutcomeUnknownError,
  TimeoutError,
  ZenlayerApiError,
} from '@cloud-release/client';
import { createMockFetch, type StartMockOptions, type StatefulMethods, startMock } from '@cloud-release/mock';
import { createHandlers } from '@cloud-release/mock/msw';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';

const stops: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});
async function mock(options: Omit<StartMockOptions, 'mode'>) {
  const started = await startMock({ ...options, mode: 'stateful' });
  stops.push(() => started.close());
  return started;
}

type Way = 'server' | 'createMockFetch' | 'msw';
/** A stateful mock reached one way: the client's baseUrl and fetch, and the mock's methods. */
async function mockVia(
  way: Way,
  options: Omit<StartMockOptions, 'mode'>,
): Promise<StatefulMethods & { url: string; fetch?: typeof fetch }> {
  if (way === 'server') return mock(options);
  if (way === 'createMockFetch') {
    const mockFetch = await createMockFetch({ ...options, mode: 'stateful' });
    stops.push(() => mockFetch.close());
    return Object.assign(mockFetch, { fetch: mockFetch });
  }
  const handlers = await createHandlers({ ...options, mode: 'stateful', baseUrl: 'https://zenlayer.msw.invalid' });
  const server = setupServer(...handlers.handlers);
  server.listen({ onUnhandledRequest: 'error' });
  stops.push(() => server.close());
  return handlers;
}

// Retries without waiting: the schedule is the client's business, the outcome is the test's.
const fastRetry = { retries: 3, baseDelayMs: 1, maxDelayMs: 1, sleep: async () => {} };
const zenlayerClient = (baseUrl: string, extra: object = {}) =>
  createZenlayerClient({ baseUrl, bearerToken: 'rehearsal', retry: fastRetry, ...extra });

const portA = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const portB = '0b7c1f9e-2d4a-4c8b-9e6f-3a5d7c9e1b2f';

describe('a teardown rehearsed end to end', () => {
  it('releases exactly the recycled instances, once each, and leaves the running one', async () => {
    const zenlayer = await mock({
      api: 'zenlayer',
      transitionMs: 0,
      seed: {
        resources: [
          { type: 'instance', id: 'i-old-1', status: 'RECYCLE' },
          { type: 'instance', id: 'i-old-2', status: 'RECYCLE' },
          { type: 'instance', id: 'i-keep', status: 'RUNNING' },
        ],
      },
    });
    const client = zenlayerClient(zenlayer.url);
    await client.releaseInstances(['i-old-1', 'i-old-2']);

    expect(zenlayer.requests().map((r) => [r.operation, r.ids, r.status])).toEqual([
      ['ReleaseInstances', ['i-old-1', 'i-old-2'], 200],
    ]);
    expect(zenlayer.resources()).toEqual([{ type: 'instance', id: 'i-keep', status: 'RUNNING' }]);
  });

  it('gets the whole batch refused when one instance is still running, and no instance released', async () => {
    const zenlayer = await mock({
      api: 'zenlayer',
      seed: {
        resources: [
          { type: 'instance', id: 'i-1', status: 'RECYCLE' },
          { type: 'instance', id: 'i-2', status: 'RUNNING' },
        ],
      },
    });
    const error = await zenlayerClient(zenlayer.url)
      .releaseInstances(['i-1', 'i-2'])
      .catch((e: unknown) => e);
    expect(JSON.stringify(error)).toMatch(/OPERATION_DENIED_INSTANCE_NOT_RECYCLED/);
    expect(zenlayer.resources().map((r) => r.status)).toEqual(['RECYCLE', 'RUNNING']);
  });

  it('releases a disk twice (recycled, then destroyed); a third time is "already gone" with ignoreMissing', async () => {
    const zenlayer = await mock({ api: 'zenlayer', transitionMs: 0 });
    const client = zenlayerClient(zenlayer.url);
    expect(await client.releaseDisk('d-1')).toMatchObject({ alreadyGone: false });
    expect(zenlayer.resources()).toEqual([{ type: 'disk', id: 'd-1', status: 'RECYCLED', diskType: 'DATA' }]);
    expect(await client.releaseDisk('d-1')).toMatchObject({ alreadyGone: false });
    expect(await client.releaseDisk('d-1', { ignoreMissing: true })).toMatchObject({ alreadyGone: true });
    await expect(client.releaseDisk('d-1')).rejects.toMatchObject({ status: 404, code: 'INVALID_DISK_NOT_FOUND' });
  });

  it('is refused DestroyPort for a port not in the recycle bin', async () => {
    const zenlayer = await mock({
      api: 'zenlayer',
      seed: { resources: [{ type: 'port', id: 'p-1', status: 'RUNNING' }] },
    });
    const error = await zenlayerClient(zenlayer.url)
      .destroyPort('p-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZenlayerApiError);
    expect(error).toMatchObject({ status: 403, code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED' });
  });

  it('deletes a Neutron port, then finds it gone; a router port is 409, a stale revision 412', async () => {
    const neutron = await mock({
      api: 'neutron',
      seed: {
        resources: [
          { id: portA, name: 'web', revision_number: 2 },
          { id: portB, name: 'gw', device_owner: 'network:router_gateway' },
        ],
      },
    });
    const client = createNeutronClient({ baseUrl: neutron.url, token: 'rehearsal' });
    expect(await client.deletePort(portA, { ignoreMissing: true })).toMatchObject({ alreadyGone: false });
    expect(await client.deletePort(portA, { ignoreMissing: true })).toMatchObject({ alreadyGone: true });
    await expect(client.deletePort(portB)).rejects.toMatchObject({ status: 409, type: 'ServicePortInUse' });
    await neutron.addResources([{ id: portA, name: 'web', revision_number: 5 }]);
    const stale = await fetch(`${neutron.url}/v2.0/ports/${portA}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 'rehearsal', 'if-match': 'revision_number=4' },
    });
    expect(stale.status).toBe(412);
    expect(neutron.requests().map((r) => r.status)).toEqual([204, 404, 409, 412]);
  });
});

describe.each(['server', 'createMockFetch', 'msw'] as const)('faults a teardown script must survive (%s)', (way) => {
  const zenlayerClient = (zenlayer: { url: string; fetch?: typeof fetch }, extra: object = {}) =>
    createZenlayerClient({
      baseUrl: zenlayer.url,
      bearerToken: 'rehearsal',
      retry: fastRetry,
      ...(zenlayer.fetch && { fetch: zenlayer.fetch }),
      ...extra,
    });

  it('fails twice with 429, then succeeds: the client’s retry gets through, and the journal shows three tries', async () => {
    const zenlayer = await mockVia(way, { api: 'zenlayer' });
    zenlayer.fault({ operation: 'ReleaseDisk', status: 429, code: 'REQUEST_LIMIT_EXCEEDED', times: 2, retryAfter: 0 });
    const result = await zenlayerClient(zenlayer).releaseDisk('d-1');
    const tries = zenlayer.requests();
    expect(tries.map((r) => [r.operation, r.ids, r.status, r.code])).toEqual([
      ['ReleaseDisk', ['d-1'], 429, 'REQUEST_LIMIT_EXCEEDED'],
      ['ReleaseDisk', ['d-1'], 429, 'REQUEST_LIMIT_EXCEEDED'],
      ['ReleaseDisk', ['d-1'], 200, null],
    ]);
    expect(new Set(tries.map((r) => r.requestId)).size).toBe(3);
    expect(result.requestId).toBe(tries[2]!.requestId);
  });

  it('gives up after the retries and reports the rate limit', async () => {
    const zenlayer = await mockVia(way, { api: 'zenlayer' });
    zenlayer.fault({ operation: 'ReleaseDisk', status: 429, code: 'REQUEST_LIMIT_EXCEEDED', times: 10 });
    await expect(zenlayerClient(zenlayer).releaseDisk('d-1')).rejects.toMatchObject({
      status: 429,
      code: 'REQUEST_LIMIT_EXCEEDED',
    });
    expect(zenlayer.requests()).toHaveLength(4);
  });

  it('loses the connection: the call fails without an API answer, its outcome unknown, and the disk is untouched', async () => {
    const zenlayer = await mockVia(way, {
      api: 'zenlayer',
      seed: { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] },
    });
    zenlayer.fault({ operation: 'ReleaseDisk', drop: true });
    const error = await zenlayerClient(zenlayer, { retry: false })
      .releaseDisk('d-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).not.toBeInstanceOf(ZenlayerApiError);
    expect(zenlayer.requests()).toMatchObject([{ operation: 'ReleaseDisk', status: null, fault: 'drop' }]);
    expect(zenlayer.resources()).toEqual([{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }]);
  });

  describe('the connection breaks after the release was applied: the outcome is unknown, and reading tells', () => {
    const available = { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] };

    it.each([
      ['reset mid-answer', 'reset'],
      ['closed without a byte', 'empty'],
    ] as const)(
      '%s: an OutcomeUnknownError (connection lost) naming the id; the disk went to the recycle bin',
      async (_, fault) => {
        const zenlayer = await mockVia(way, { api: 'zenlayer', seed: available, transitionMs: 60_000 });
        zenlayer.fault({ operation: 'ReleaseDisk', fault });
        const error = await zenlayerClient(zenlayer, { retry: false })
          .releaseDisk('d-1')
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OutcomeUnknownError);
        expect(error).toMatchObject({ outcome: 'unknown', reason: 'connection-lost', ids: ['d-1'] });
        expect(zenlayer.resources()).toEqual([{ type: 'disk', id: 'd-1', status: 'RECYCLING' }]);
        expect(zenlayer.countRequests({ operation: 'ReleaseDisk', fault })).toBe(1);
      },
    );

    it('a 200 whose body is not JSON: an OutcomeUnknownError (unexpected answer), status 200', async () => {
      const zenlayer = await mockVia(way, { api: 'zenlayer', seed: available, transitionMs: 60_000 });
      zenlayer.fault({ operation: 'ReleaseDisk', fault: 'malformed' });
      const error = await zenlayerClient(zenlayer, { retry: false })
        .releaseDisk('d-1')
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutcomeUnknownError);
      expect(error).toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer', status: 200 });
      expect(zenlayer.resources()).toEqual([{ type: 'disk', id: 'd-1', status: 'RECYCLING' }]);
    });
  });

  it('answers too slowly: the client’s timeout fires', async () => {
    const zenlayer = await mockVia(way, { api: 'zenlayer' });
    zenlayer.fault({ latencyMs: 500, times: 1 });
    const error = await zenlayerClient(zenlayer, { retry: false, timeoutMs: 100 })
      .releaseDisk('d-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });
});
