// createMockFetch's cost per call beside the server's round trip, in one process: the same
// ReleaseInstances sent sequentially through `createMockFetch({ api: 'zenlayer' })` and through
// fetch to `startMock({ api: 'zenlayer' })` on 127.0.0.1, in interleaved rounds, median kept.
// Until @cloud-release/mock exports createMockFetch the section reports it as not measured.
import { median, report } from '../lib.mjs';
import { releaseHeaders } from './autocannon-run.mjs';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
const CALLS = 500;
const mock = /** @type {Record<string, any>} */ (await import('@cloud-release/mock'));

/**
 * Microseconds per call of `send`, sequential, after a warm-up.
 * @param {(i: number) => Promise<Response>} send
 */
async function perCallUs(send) {
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const response = await send(i);
    if (response.status !== 200) throw new Error(`status ${response.status}`);
    await response.arrayBuffer();
  }
  return ((performance.now() - started) * 1000) / CALLS;
}

if (typeof mock.createMockFetch !== 'function') {
  report({ unavailable: 'createMockFetch is not exported by @cloud-release/mock (yet)' });
} else {
  const server = await mock.startMock({ api: 'zenlayer' });
  const mockFetch = await mock.createMockFetch({ api: 'zenlayer' });
  /** @param {string} base @param {typeof fetch} fetchWith */
  const sender = (base, fetchWith) => (/** @type {number} */ i) =>
    fetchWith(`${base}/api/v2/vm`, {
      method: 'POST',
      headers: releaseHeaders(),
      body: JSON.stringify({ instanceIds: [`fetch-cost-${i}`] }),
    });
  const viaServer = sender(server.url, fetch);
  const viaFetch = sender(mockFetch.url, mockFetch);
  try {
    await perCallUs(viaServer); // warm-up: JIT both ways in
    await perCallUs(viaFetch);
    /** @type {{ server: number[], fetch: number[] }} */
    const us = { server: [], fetch: [] };
    for (let round = 0; round < ROUNDS; round++) {
      // Alternating which goes first, so neither always meets a freshly collected heap.
      const order = round % 2 ? /** @type {const} */ (['server', 'fetch']) : /** @type {const} */ (['fetch', 'server']);
      for (const way of order) us[way].push(await perCallUs(way === 'server' ? viaServer : viaFetch));
    }
    report({ rounds: ROUNDS, calls: CALLS, serverUs: median(us.server), fetchUs: median(us.fetch) });
  } finally {
    await server.close();
    await mockFetch.close();
  }
}
