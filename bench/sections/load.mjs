// Load with a real load generator (autocannon) at concurrency 1, 16 and 64: the stateful mock,
// the examples mode, `prism mock` on the same spec and a bare node:http server, each in its own
// process and each logging one line per request to stdout (read and dropped by this process).
// Every request is a one-id ReleaseInstances with a fresh id, so the stateful mode creates the
// unseeded instance in the recycle bin, accepts it and lets it go, as it would in a real test.
// All servers stay up and take turns, in a rotating order, several rounds per concurrency: a
// busy neighbour on the shared cores then slows every server alike, and the median is kept.
import { loadavg } from 'node:os';
import { median, report } from '../lib.mjs';
import { DURATION_S, hammer } from './autocannon-run.mjs';
import { SERVERS, startServer } from './server-processes.mjs';

const CONCURRENCIES = [1, 16, 64];
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 3);
const loadAverage = loadavg()[0];

/** @type {Record<string, Awaited<ReturnType<typeof startServer>>>} */
const servers = {};
/** @type {import('./goals.mjs').LoadResults} */
const results = {};
for (const name of Object.keys(SERVERS)) {
  try {
    servers[name] = await startServer(name);
    await hammer(servers[name].url, 16, 2); // warm-up: JIT the server before anything is measured
  } catch (error) {
    results[name] = { error: /** @type {Error} */ (error).message };
  }
}
const running = Object.keys(servers).filter((name) => !results[name]);
/** @type {Record<string, Record<number, import('./autocannon-run.mjs').Cell[]>>} */
const runs = Object.fromEntries(
  running.map((n) => [
    n,
    Object.fromEntries(CONCURRENCIES.map((c) => [c, /** @type {import('./autocannon-run.mjs').Cell[]} */ ([])])),
  ]),
);
try {
  for (const c of CONCURRENCIES) {
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < running.length; i++) {
        const name = /** @type {string} */ (running[(i + round) % running.length]);
        if (results[name]) continue;
        try {
          runs[name]?.[c]?.push(await hammer(/** @type {{ url: string }} */ (servers[name]).url, c));
        } catch (error) {
          results[name] = { error: /** @type {Error} */ (error).message };
        }
      }
    }
  }
} finally {
  await Promise.all(Object.values(servers).map((s) => s.stop()));
}
for (const name of running) {
  if (results[name]) continue;
  results[name] = Object.fromEntries(
    CONCURRENCIES.map((c) => {
      const cell = runs[name]?.[c] ?? [];
      return [
        c,
        {
          rps: median(cell.map((r) => r.rps)),
          p50Ms: median(cell.map((r) => r.p50Ms)),
          p99Ms: median(cell.map((r) => r.p99Ms)),
        },
      ];
    }),
  );
}
report({ loadAverage, seconds: DURATION_S, rounds: ROUNDS, concurrencies: CONCURRENCIES, results });
