// Section 3: a 10,000-id releaseInstances through the mock (in its own process), signed,
// at the client's default concurrency and above, to show where the time goes.
import { fileURLToPath } from 'node:url';
import { createZenlayerClient } from '@cloud-release/client';
import { median, report, startServerProcess } from '../lib.mjs';

const IDS = 10_000;
const CONCURRENCIES = [1, 4, 16];
const mockCli = fileURLToPath(new URL('../../packages/mock/dist/cli.js', import.meta.url));
const server = await startServerProcess(mockCli, ['--quiet', '--zenlayer-port', '0', '--neutron-port', '0']);
let requests = 0;
/** @type {typeof fetch} */
const counting = (input, init) => {
  requests++;
  return fetch(input, init);
};
const zc = createZenlayerClient({
  accessKeyId: 'AK',
  accessKeyPassword: 'password',
  baseUrl: server.url,
  fetch: counting,
  retry: false,
});
const ids = Array.from({ length: IDS }, (_, i) => `instance-${i}`);
// 100 requests take a fraction of a second: warm both processes up, then take the median of
// several whole releases so one slow round does not decide the result.
for (let i = 0; i < 10; i++) await zc.releaseInstances(ids, { concurrency: 16 });
/** @type {Record<number, { wallMs: number, requests: number, rps: number }>} */
const runs = {};
for (const concurrency of CONCURRENCIES) {
  /** @type {number[]} */
  const walls = [];
  for (let i = 0; i < 7; i++) {
    requests = 0;
    const started = performance.now();
    await zc.releaseInstances(ids, { concurrency });
    walls.push(performance.now() - started);
  }
  runs[concurrency] = { wallMs: median(walls), requests, rps: requests / (median(walls) / 1000) };
}
await server.stop();
report({ ids: IDS, runs });
