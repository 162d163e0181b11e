// Section 10: one mock, two ways in, per call: createMockFetch (in-process, no socket) against
// startMock's server reached with fetch over loopback, both in this process with the same
// options and the same bearer-token ReleaseDisk, interleaved in rounds so noise hits both alike.
import { createMockFetch, startMock } from '@cloud-release/mock';
import { median, report } from '../lib.mjs';

const ROUNDS = 9;
const CALLS = 300;
const server = await startMock({ api: 'zenlayer' });
const mockFetch = await createMockFetch({ api: 'zenlayer' });
const init = {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'x-zc-action': 'ReleaseDisk' },
  body: '{"diskId":"disk-1"}',
};
const ways = {
  'server (fetch over loopback)': () => fetch(`${server.url}/api/v2/zec`, init),
  createMockFetch: () => mockFetch(`${mockFetch.url}/api/v2/zec`, init),
};

/**
 * µs per call of `calls` sequential calls, each answer read whole.
 * @param {() => Promise<Response>} send @param {number} calls
 */
async function perCall(send, calls) {
  const started = performance.now();
  for (let i = 0; i < calls; i++) {
    const response = await send();
    if (response.status !== 200) throw new Error(`bench mock-fetch: answered ${response.status}`);
    await response.json();
  }
  return ((performance.now() - started) * 1000) / calls;
}

// Warm-up: Prism's first validations and undici's connection pool.
for (const send of Object.values(ways)) await perCall(send, 50);
/** @type {[string, number[]][]} */
const samples = Object.keys(ways).map((name) => [name, []]);
for (let round = 0; round < ROUNDS; round++)
  for (const [name, us] of samples) us.push(await perCall(ways[/** @type {keyof typeof ways} */ (name)], CALLS));
await server.close();
await mockFetch.close();
report({
  rounds: ROUNDS,
  calls: CALLS,
  medianUs: Object.fromEntries(samples.map(([name, us]) => [name, median(us)])),
});
