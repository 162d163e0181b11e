// Section 3: a 10,000-id releaseInstances through the mock (in its own process), signed.
import { fileURLToPath } from 'node:url';
import { createZenlayerClient } from '@cloud-release/client';
import { report, startServerProcess } from '../lib.mjs';

const IDS = 10_000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const mockCli = fileURLToPath(new URL('../../packages/mock/dist/cli.js', import.meta.url));
const server = await startServerProcess(mockCli, ['--quiet', '--zenlayer-port', '0', '--neutron-port', '0']);
let requests = 0;
const counting = (input, init) => { requests++; return fetch(input, init); };
const zc = createZenlayerClient({ accessKeyId: 'AK', accessKeyPassword: 'password', baseUrl: server.url, fetch: counting, retry: false });
const ids = Array.from({ length: IDS }, (_, i) => `instance-${i}`);
await zc.releaseInstances(ids.slice(0, 1000), { concurrency: CONCURRENCY }); // warm-up
requests = 0;
const started = performance.now();
const result = await zc.releaseInstances(ids, { concurrency: CONCURRENCY });
const wallMs = performance.now() - started;
await server.stop();
report({ ids: IDS, concurrency: CONCURRENCY, wallMs, requests, batches: result.batches.length, rps: requests / (wallMs / 1000) });
