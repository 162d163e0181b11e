// createMockFetch: the mock in-process, as a fetch. What it answers for, and how it fails where a
// server would not answer: as undici's fetch fails, so a client under test meets the same errors.
import { createMockFetch, DEFAULT_MOCK_BASE_URL, type MockFetch, type MockFetchOptions } from '@cloud-release/mock';
import { afterEach, describe, expect, it } from 'vitest';
import { PORT_ID, start } from './support/mocks.js';

const DRAIN_LIMIT = 64 * 1024 * 1024;
const opened: MockFetch[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((m) => m.close()));
});
async function mockFetch(options: MockFetchOptions) {
  const mock = await createMockFetch(options);
  opened.push(mock);
  return mock;
}
async function statefulFetch(options: MockFetchOptions) {
  const mock = await createMockFetch({ ...options, mode: 'stateful' });
  opened.push(mock);
  return mock;
}

const token = { 'x-auth-token': 't' };
const deletePort = (mock: MockFetch, init: RequestInit = {}) =>
  mock(`${mock.url}/v2.0/ports/${PORT_ID}`, { method: 'DELETE', headers: token, ...init });

/** The rejection, or a failure naming what came back instead. */
async function rejection(promise: Promise<unknown>) {
  return promise.then(
    (value) => expect.unreachable(`resolved with ${String(value)}`),
    (error: unknown) => error as Error & { cause?: Error & { code?: string } },
  );
}

describe('where a mock fetch answers', () => {
  it('at http://mock.invalid unless given a baseUrl; another origin is a name that does not resolve', async () => {
    const mock = await mockFetch({ api: 'neutron' });
    expect(mock.url).toBe(DEFAULT_MOCK_BASE_URL);
    const deleted = await deletePort(mock);
    expect([deleted.status, deleted.url]).toEqual([204, `http://mock.invalid/v2.0/ports/${PORT_ID}`]);
    const elsewhere = await rejection(mock(`https://example.com/v2.0/ports/${PORT_ID}`, { method: 'DELETE' }));
    expect(elsewhere).toBeInstanceOf(TypeError);
    expect(elsewhere.message).toBe('fetch failed');
    expect(elsewhere.cause?.code).toBe('ENOTFOUND');

    const given = await mockFetch({ api: 'neutron', baseUrl: 'https://neutron.example:9696' });
    expect(given.url).toBe('https://neutron.example:9696');
    expect((await given(new Request(`${given.url}/v2.0/ports`, { headers: token }))).status).toBe(200);
  });

  it.each([
    'neutron.example',
    'ftp://neutron.example',
    'https://neutron.example/v2.0',
    'https://neutron.example/?x=1',
    'https://user:pw@neutron.example',
  ])('refuses baseUrl %s: an http(s) origin only', async (baseUrl) => {
    await expect(createMockFetch({ api: 'neutron', baseUrl })).rejects.toThrow(/^baseUrl must be an http\(s\) origin/);
  });

  it('after close() every call fails as a refused connection', async () => {
    const mock = await mockFetch({ api: 'neutron' });
    await mock.close();
    expect((await rejection(deletePort(mock))).cause?.code).toBe('ECONNREFUSED');
  });
});

describe('what a mock fetch has besides', () => {
  it('stateful: the control methods of startMock, and the control plane at /__mock/', async () => {
    const mock = await statefulFetch({ api: 'neutron', seed: { resources: [{ id: PORT_ID }] } });
    expect(mock.resources()).toMatchObject([{ type: 'port', id: PORT_ID, status: 'ACTIVE' }]);
    expect((await deletePort(mock)).status).toBe(204);
    expect(mock.requests()).toMatchObject([{ operation: 'DeletePort', status: 204, ids: [PORT_ID] }]);
    const journal = await mock(`${mock.url}/__mock/requests`);
    expect(await journal.json()).toMatchObject({ requests: [{ operation: 'DeletePort' }] });
    mock.reset();
    expect(mock.requests()).toEqual([]);
    expect(mock.advance(1000)).toMatchObject({ advancedMs: 1000 });
  });

  it('examples mode: none of the stateful methods', async () => {
    const mock = await mockFetch({ api: 'neutron' });
    expect(Object.keys(mock).sort()).toEqual(['api', 'close', 'url']);
  });
});

describe('a mock fetch fails as fetch does', () => {
  it('a dropped connection (a fault) rejects with TypeError "fetch failed", its cause a closed socket', async () => {
    const mock = await statefulFetch({ api: 'neutron' });
    mock.fault({ operation: 'DeletePort', drop: true }, { operation: 'DeletePort', applyThenDrop: true });
    for (let i = 0; i < 2; i++) {
      const error = await rejection(deletePort(mock));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe('fetch failed');
      expect(error.cause).toMatchObject({ code: 'UND_ERR_SOCKET', message: 'other side closed' });
    }
    expect(mock.requests().map((r) => [r.status, r.fault])).toEqual([
      [null, 'drop'],
      [null, 'applyThenDrop'],
    ]);
  });

  it('an abort rejects at once with the signal’s reason, while the mock is still answering', async () => {
    const mock = await statefulFetch({ api: 'neutron' });
    mock.fault({ latencyMs: 10_000 });
    const started = performance.now();
    const error = await rejection(deletePort(mock, { signal: AbortSignal.timeout(50) }));
    expect(error.name).toBe('TimeoutError');
    // Half the latency: room for a loaded machine, and still far from an answer that waited it out.
    expect(performance.now() - started).toBeLessThan(5_000);
    const aborted = new AbortController();
    aborted.abort(new Error('stopped by the test'));
    expect((await rejection(deletePort(mock, { signal: aborted.signal }))).message).toBe('stopped by the test');
  });

  // A string (what JSON clients send) is read apart from other bodies, without a stream.
  it.each([
    ['bytes', (size: number) => new Uint8Array(size).fill(32)],
    ['a string', (size: number) => ' '.repeat(size)],
  ])('a body (%s) past 64 MiB loses the connection; 64 MiB is answered with its size', async (_, bodyOf) => {
    const mock = await mockFetch({ api: 'zenlayer' });
    const release = (size: number) =>
      mock(`${mock.url}/api/v2/zec`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'x-zc-action': 'ReleaseDisk' },
        body: bodyOf(size),
      });
    const drained = await release(DRAIN_LIMIT);
    expect(drained.status).toBe(400);
    expect(await drained.json()).toMatchObject({ code: 'INVALID_PARAMETER_EXCEED_LENGTH' });
    expect((await rejection(release(DRAIN_LIMIT + 1))).cause?.code).toBe('UND_ERR_SOCKET');
  });
});

describe('a string body, as fetch sends it', () => {
  // A string over the limit is measured, not encoded: its size must still be its UTF-8 bytes,
  // as the server counts what arrives (é is 2 bytes, a lone surrogate goes out as U+FFFD: 3).
  it('over the 1 MiB limit, not ASCII: answered with its UTF-8 size, as the server answers it', async () => {
    const mock = await mockFetch({ api: 'zenlayer' });
    const server = await start({ api: 'zenlayer' });
    const body = `{"diskId":"${'é'.repeat(512 * 1024)}\ud800"}`;
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'x-zc-action': 'ReleaseDisk' },
      body,
    };
    const answer = async (response: Response) => {
      const { requestId: _, ...rest } = (await response.json()) as Record<string, unknown>;
      return { status: response.status, body: rest };
    };
    const [viaFetch, viaServer] = await Promise.all([
      mock(`${mock.url}/api/v2/zec`, init).then(answer),
      fetch(`${server.url}/api/v2/zec`, init).then(answer),
    ]);
    expect(viaFetch).toEqual(viaServer);
    expect(viaFetch).toMatchObject({
      status: 400,
      body: {
        code: 'INVALID_PARAMETER_EXCEED_LENGTH',
        message: `Request body is ${2 * 512 * 1024 + 16} bytes; the limit is 1048576 bytes.`,
      },
    });
  });

  it('without a Content-Type gets the one fetch gives a string: answered as the server answers it', async () => {
    const mock = await mockFetch({ api: 'zenlayer' });
    const server = await start({ api: 'zenlayer' });
    const init = {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'x-zc-action': 'ReleaseDisk' },
      body: '{"diskId":"d-1"}',
    };
    const [viaFetch, viaServer] = await Promise.all([
      mock(`${mock.url}/api/v2/zec`, init),
      fetch(`${server.url}/api/v2/zec`, init),
    ]);
    const answer = async (response: Response) => {
      const { requestId: _, ...body } = (await response.json()) as Record<string, unknown>;
      return { status: response.status, body };
    };
    const fromFetch = await answer(viaFetch);
    expect(fromFetch).toEqual(await answer(viaServer));
    expect(fromFetch).toMatchObject({ status: 400, body: { code: 'INVALID_PARAMETER_VALUE' } });
  });

  it('with a GET or HEAD rejects with the TypeError fetch gives, and nothing is sent', async () => {
    const mock = await statefulFetch({ api: 'neutron' });
    for (const method of ['GET', 'HEAD']) {
      const init = { method, headers: token, body: '{}' };
      const url = `${mock.url}/v2.0/ports/${PORT_ID}`;
      const error = await rejection(mock(url, init));
      expect(error).toBeInstanceOf(TypeError);
      expect(error.message).toBe((await rejection((async () => new Request(url, init))())).message);
    }
    expect(mock.requests()).toEqual([]);
  });
});
