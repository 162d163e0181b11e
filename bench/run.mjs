// pnpm bench: runs each section in its own process, prints one table and writes BENCHMARKS.md.
// Only medians and ratios measured in this run are reported; absolute numbers are context.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { fetchCostRows, heldRows, loadGoals, silentLoadRows, startupGoal, startupRows } from './sections/goals.mjs';
import { memoryRows } from './sections/memory-rows.mjs';
import { teardownRows } from './sections/teardown-rows.mjs';

const started = performance.now();
/** @param {string} name @returns {any} a section's reported result */
const section = (name) => {
  process.stderr.write(`bench: ${name}…\n`);
  const out = execFileSync(process.execPath, [fileURLToPath(new URL(`./sections/${name}.mjs`, import.meta.url))], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const result = /^BENCH-RESULT (.*)$/m.exec(out)?.[1];
  if (result === undefined) throw new Error(`bench: ${name} reported no result`);
  return JSON.parse(result);
};
/** @param {boolean} ok */
const verdict = (ok) => (ok ? 'met' : '**MISSED**');
/** @param {number} n */
const f = (n, digits = 2) => n.toFixed(digits);

/**
 * Runs the sections in the order given, one after another: each result under its name here.
 * @param {Record<string, string>} modules name here → section module
 */
const runSections = (modules) => Object.fromEntries(Object.entries(modules).map(([key, name]) => [key, section(name)]));

const { cost, mock, bulk, bundles, pipeline, load, loadSilent, startup, held, memory, teardown, fetchCost } =
  runSections({
    cost: 'client-cost',
    mock: 'mock-throughput',
    bulk: 'bulk-release',
    bundles: 'bundle-size',
    pipeline: 'pipeline',
    load: 'load',
    loadSilent: 'load-silent',
    startup: 'startup',
    held: 'inventory-memory',
    memory: 'mock-memory',
    teardown: 'teardown-apply',
    fetchCost: 'mock-fetch-cost',
  });

const raw = cost.medianUs['raw fetch'];
const harness = cost.medianUs['openapi-fetch + middleware + timeout signal'];
const bare = cost.medianUs['bare openapi-fetch'];
const ours = cost.medianUs['@cloud-release/client (signed)'];
const bulk16 = bulk.runs['16'];
const share = bulk16.rps / mock.mock.concurrentRps;
const clientKb = bundles['@cloud-release/client'].gzipBytes / 1024;

const lines = [
  '# Benchmarks',
  '',
  `Measured by \`pnpm bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}. ` +
    'One run, one machine: compare the ratios, not the absolute numbers.',
  '',
  `## 1. Per-call client cost (median of ${cost.rounds} rounds × ${cost.calls} calls, local node:http server)`,
  '',
  '| client | µs/call | × raw fetch | × bare openapi-fetch |',
  '|---|---:|---:|---:|',
  ...Object.entries(cost.medianUs).map(([name, us]) => `| ${name} | ${f(us, 1)} | ${f(us / raw)} | ${f(us / bare)} |`),
  '',
  `Goal: @cloud-release/client ≤ 1.10 × bare openapi-fetch → ${f(ours / bare)} × (${verdict(ours / bare <= 1.1)}).`,
  ...(ours / bare <= 1.1
    ? []
    : [
        '',
        `Why: of the ${f(ours - bare, 0)} µs over bare openapi-fetch, ${f(harness - bare, 0)} µs are what any careful client on openapi-fetch pays ` +
          '(one middleware hop, a per-attempt timeout signal: the reference row). The rest is the signed request itself: ' +
          'HMAC and two SHA-256 (about 4 µs, measured alone), four more headers on the wire (about 230 bytes: Authorization, ' +
          'X-ZC-Timestamp, X-ZC-Signature-Method, X-ZC-Version) that undici validates and the server parses, and the retry/timeout ' +
          'bookkeeping. Already removed: the request clone for hashing (the serialized body is signed directly) and ' +
          'AbortSignal.timeout/any (about 15 and 40 µs a call on Node 20). Left: each remaining piece is a requirement.',
      ]),
  '',
  '## 2. The mock (100-id ReleaseInstances requests; each server in its own process)',
  '',
  '| server | sequential p50 ms | sequential p99 ms | sequential req/s | 16 concurrent p50 ms | 16 concurrent p99 ms | 16 concurrent req/s |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...Object.entries({ 'node:http baseline': mock.baseline, '@cloud-release/mock': mock.mock }).map(
    ([name, m]) =>
      `| ${name} | ${f(m.p50Ms)} | ${f(m.p99Ms)} | ${f(m.sequentialRps, 0)} | ${f(m.concurrentP50Ms)} | ${f(m.concurrentP99Ms)} | ${f(m.concurrentRps, 0)} |`,
  ),
  '',
  `The mock answers at ${f(mock.mock.concurrentRps / mock.baseline.concurrentRps)} × the baseline's throughput (16 concurrent).`,
  '',
  `## 3. releaseInstances with ${bulk.ids.toLocaleString('en')} ids through the mock (median of 7 releases each)`,
  '',
  "| concurrency | wall ms | requests | req/s | share of the mock's 16-concurrent maximum |",
  '|---:|---:|---:|---:|---:|',
  ...Object.entries(bulk.runs).map(
    ([c, r]) =>
      `| ${c} | ${f(r.wallMs, 0)} | ${r.requests} | ${f(r.rps, 0)} | ${f((r.rps / mock.mock.concurrentRps) * 100, 0)} % |`,
  ),
  '',
  `Goal: ≥ 90 % → ${verdict(share >= 0.9)}.`,
  ...(share >= 0.9
    ? []
    : [
        '',
        `Why: both processes are CPU-bound on the same ${cpus().length} cores. The maximum of section 2 is driven by raw fetch, ` +
          `while each client request takes ${f(ours / raw)} × raw fetch's time per call (section 1) plus a 100-id body to serialize and sign; ` +
          'throughput still grows with concurrency (the rows above), so nothing in the client serializes the batches. ' +
          "Left as is: closing the gap means not building a Request per call, which openapi-fetch (the client's required " +
          'base) does. Repeats of this section vary up to 2× on this machine.',
      ]),
  '',
  '## 4. Browser bundle size (esbuild, minified, gzip -9)',
  '',
  '| client | min bytes | min+gzip kB |',
  '|---|---:|---:|',
  ...Object.entries(bundles).map(([name, b]) =>
    b.error ? `| ${name} | — | build failed: ${b.error} |` : `| ${name} | ${b.minBytes} | ${f(b.gzipBytes / 1024)} |`,
  ),
  '',
  `Goal: @cloud-release/client ≤ 10 kB → ${f(clientKb)} kB (${verdict(clientKb <= 10)}).`,
  '',
  '## 5. Pipeline: `turbo run build test`',
  '',
  '| run | seconds | tasks | fully cached |',
  '|---|---:|---:|---|',
  `| cold (turbo cache cleared) | ${f(pipeline.cold.ms / 1000, 1)} | ${pipeline.cold.tasks}${pipeline.cold.failed ? ` (failed: ${pipeline.cold.failed})` : ''} | ${pipeline.cold.fullTurbo ? 'yes' : 'no'} |`,
  `| warm | ${f(pipeline.warm.ms / 1000, 1)} | ${pipeline.warm.tasks} | ${pipeline.warm.fullTurbo ? 'yes' : 'no'} |`,
  '',
  `Goal: warm fully cached under 5 s → ${verdict(pipeline.warm.fullTurbo && pipeline.warm.ms < 5000)}.`,
  '',
  '## 6. Load with autocannon (one-id ReleaseInstances, a fresh id each; every server logs one line a request)',
  '',
  `Each server in its own process, all up at once and taking turns: median of ${load.rounds} runs of ${load.seconds} s per cell, after a 2 s warm-up; autocannon runs in the bench process on the same cores ` +
    `(1-minute load average when the section started: ${f(load.loadAverage, 1)}).`,
  '',
  '| server | c1 req/s | c16 req/s | c16 p50 ms | c16 p99 ms | c64 req/s | c16 × node:http |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...Object.entries(load.results).map(([name, r]) =>
    r.error
      ? `| ${name} | failed: ${r.error.replaceAll('|', '/')} | | | | | |`
      : `| ${name} | ${f(r[1].rps, 0)} | ${f(r[16].rps, 0)} | ${r[16].p50Ms} | ${r[16].p99Ms} | ${f(r[64].rps, 0)} | ${f(r[16].rps / load.results['node:http baseline'][16].rps)} |`,
  ),
  '',
  ...loadGoals(load.results),
  '',
  `Both silent (no per-request log; \`prism mock -v silent\`), 16 connections, taking turns the same way: median of ${loadSilent.rounds} runs of ${loadSilent.seconds} s ` +
    `(1-minute load average when it started: ${f(loadSilent.loadAverage, 1)}).`,
  '',
  ...silentLoadRows(loadSilent),
  '',
  // Sections 7 to 11: each a heading, then the rows its module lays out.
  .../** @type {[string, string[]][]} */ ([
    [
      `## 7. Startup: spawn to ready and to the first answer in a fresh process, import included (median of ${startup.starts} starts)`,
      [...startupRows(startup), '', ...startupGoal(startup)],
    ],
    [
      `## 8. The stateful mock holding ${held.entries.toLocaleString('en')} inventory entries (autocannon, 16 connections; two mocks taking turns, median of ${held.rounds} rounds)`,
      heldRows(held),
    ],
    ["## 9. The stateful mock's memory under endless or hostile input (loopback, 16 concurrent)", memoryRows(memory)],
    ['## 10. A teardown through the CLI: `plan` + `apply --yes` against the stateful mocks', teardownRows(teardown)],
    [
      '## 11. createMockFetch per call beside the server it replaces (one process, one-id ReleaseInstances, sequential)',
      fetchCostRows(fetchCost),
    ],
  ]).flatMap(([heading, rows]) => [heading, '', ...rows, '']),
  `The whole bench took ${f((performance.now() - started) / 1000, 0)} s.`,
  '',
  'Mutation scores (how many planted bugs the tests catch), per package: [QUALITY.md](QUALITY.md).',
  '',
];
const markdown = lines.join('\n');
writeFileSync(fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url)), markdown);
console.log(markdown);
