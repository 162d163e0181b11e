// Memory: the stateful mock holding 100,000 inventory entries must answer within 10 % of its
// speed when empty. Two stateful mocks, one seeded, take turns under the same workload
// (autocannon, 16 connections) for several rounds, so a busy neighbour slows both alike.
import { median, report } from '../lib.mjs';
import { hammer } from './autocannon-run.mjs';
import { rssMiB, startServer } from './server-processes.mjs';
import { measured } from './taking-turns.mjs';

const ENTRIES = 100_000;
const CHUNK = 10_000;
// A 10 % bound on a ratio of two close numbers, where single runs on shared cores swing by more:
// many short runs in turn, and their medians.
const ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 7);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 3);

/** @param {string} url */
async function seed(url) {
  // In chunks: one POST of 100,000 resources would test the control plane's body limit instead.
  for (let from = 0; from < ENTRIES; from += CHUNK) {
    const resources = Array.from({ length: CHUNK }, (_, i) => ({
      type: 'instance',
      id: `held-instance-${from + i}`,
      status: 'RUNNING',
    }));
    const response = await fetch(`${url}/__mock/resources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ resources }),
    });
    if (!response.ok) throw new Error(`seeding: ${response.status} ${await response.text()}`);
  }
}

const [empty, full] = await Promise.all([
  startServer('@cloud-release/mock (stateful)'),
  startServer('@cloud-release/mock (stateful)'),
]);
try {
  const seedStarted = performance.now();
  await seed(full.url);
  const seedMs = performance.now() - seedStarted;
  await hammer(empty.url, 16, 2); // warm-up, both alike
  await hammer(full.url, 16, 2);
  /** @type {Record<'empty' | 'full', import('./autocannon-run.mjs').Cell[]>} */
  const runs = { empty: [], full: [] };
  for (let round = 0; round < ROUNDS; round++) {
    /** @type {Array<'empty' | 'full'>} */
    const order = round % 2 ? ['full', 'empty'] : ['empty', 'full'];
    for (const which of order) runs[which].push(await measured(which === 'empty' ? empty : full, 16, SECONDS));
  }
  /** @param {import('./autocannon-run.mjs').Cell[]} cell */
  const summary = (cell) => ({
    rps: median(cell.map((r) => r.rps)),
    p50Ms: median(cell.map((r) => r.p50Ms)),
    p99Ms: median(cell.map((r) => r.p99Ms)),
    cpuUsPerRequest: median(cell.map((r) => r.cpuUsPerRequest ?? Number.NaN)),
  });
  report({
    entries: ENTRIES,
    rounds: ROUNDS,
    seedMs,
    empty: summary(runs.empty),
    full: summary(runs.full),
    rssEmptyMiB: await rssMiB(empty.pid),
    rssFullMiB: await rssMiB(full.pid),
  });
} catch (error) {
  report({ entries: ENTRIES, error: /** @type {Error} */ (error).message });
} finally {
  await Promise.all([empty.stop(), full.stop()]);
}
