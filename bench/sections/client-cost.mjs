// Section 1: per-call cost of each client against the same node:http server, interleaved
// in rounds so machine noise hits every client alike. Raw fetch is the 1.00 baseline.
import { fileURLToPath } from 'node:url';
import { createZenlayerClient, createZenlayerFetchClient } from '@cloud-release/client';
import { Configuration, ReleaseDiskXZCActionEnum, ZecApi } from '@cloud-release/client-typescript-fetch/zenlayer';
import createClient from 'openapi-fetch';
import { median, report, startServerProcess } from '../lib.mjs';

const ROUNDS = 15;
const CALLS = 600;
const server = await startServerProcess(fileURLToPath(new URL('./envelope-server.mjs', import.meta.url)));
const url = server.url;
const headers = { 'content-type': 'application/json', 'x-zc-action': 'ReleaseDisk', 'x-zc-version': '2024-04-01' };
const body = { diskId: 'disk-1' };

/** @typedef {ReturnType<typeof createZenlayerFetchClient>} ZenlayerFetchClient the bare client, typed by the spec */
/** @type {ZenlayerFetchClient} */
const bare = createClient({ baseUrl: url });
// What any client on openapi-fetch with a timeout and one middleware pays, signing aside:
// it tells the cost of those two mechanisms from the cost of our own code.
/** @type {ZenlayerFetchClient} */
const harnessed = createClient({ baseUrl: url });
harnessed.use({ onRequest: ({ request }) => request });
const cloudRelease = createZenlayerClient({
  accessKeyId: 'AK',
  accessKeyPassword: 'password',
  baseUrl: url,
  retry: false,
});
const generated = new ZecApi(new Configuration({ basePath: url, fetchApi: fetch, apiKey: () => 'Bearer t' }));

const clients = {
  'raw fetch': async () =>
    (await fetch(`${url}/api/v2/zec`, { method: 'POST', headers, body: JSON.stringify(body) })).json(),
  'bare openapi-fetch': () =>
    bare.POST('/api/v2/zec', {
      params: { header: { 'X-ZC-Action': 'ReleaseDisk', 'X-ZC-Version': '2024-04-01' } },
      body,
    }),
  'openapi-fetch + middleware + timeout signal': () => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), 60_000);
    return harnessed
      .POST('/api/v2/zec', {
        params: { header: { 'X-ZC-Action': 'ReleaseDisk', 'X-ZC-Version': '2024-04-01' } },
        body,
        signal: controller.signal,
      })
      .finally(() => clearTimeout(timer));
  },
  '@cloud-release/client (signed)': () => cloudRelease.releaseDisk('disk-1'),
  'typescript-fetch': () =>
    generated.releaseDisk({
      xZCAction: ReleaseDiskXZCActionEnum.ReleaseDisk,
      xZCVersion: '2024-04-01',
      releaseDiskBody: body,
    }),
};

/** @type {Record<string, number[]>} */
const perCall = Object.fromEntries(Object.keys(clients).map((k) => [k, []]));
for (const call of Object.values(clients)) for (let i = 0; i < 300; i++) await call(); // warm-up
const entries = Object.entries(clients);
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order each round, so no client always runs right after the same neighbour.
  for (const [name, call] of [...entries.slice(round % entries.length), ...entries.slice(0, round % entries.length)]) {
    const t = performance.now();
    for (let i = 0; i < CALLS; i++) await call();
    perCall[name]?.push(((performance.now() - t) * 1000) / CALLS);
  }
}
await server.stop();
report({
  rounds: ROUNDS,
  calls: CALLS,
  medianUs: Object.fromEntries(Object.entries(perCall).map(([k, v]) => [k, median(v)])),
});
