// A teardown as a user runs it: `cloud-release plan` then `apply --yes`, each the built CLI in
// its own process, against the stateful mocks (their own process, transitions of 50 ms):
// Zenlayer instances from RUNNING and Neutron ports to gone.
//
// Wall time is set against a lower bound measured in the same run: the two Zenlayer
// transitions (terminate → recycle bin, release → gone: 50 ms each; every instance's run in
// parallel, the Neutron DELETE is immediate) plus the apply's own request stream (read from
// the mocks' journals) replayed straight at the mocks, 16 at a time, from their seed: what the
// mocks need to serve those requests at their measured throughput. The CLI's peak memory (its
// RSS high-water mark, process.resourceUsage().maxRSS, reported by cli-rss.mjs) is measured at
// two sizes, on instances alone (a Neutron port costs four requests, an instance about one, so
// 10,000 stay within minutes): it must not grow with the journal.
//
// Runs on its own: `node bench/sections/teardown-apply.mjs` (after a build). Sizes:
// BENCH_TEARDOWN_COUNT (per provider, default 1,000) and BENCH_TEARDOWN_MEMORY (instances of
// the memory runs, default "1000,10000"). Every CLI run is killed past 5 minutes.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { load, report } from '../lib.mjs';
import { instanceIds, neutronPortIds } from './teardown-ids.mjs';
import { teardownRows } from './teardown-rows.mjs';

const TRANSITION_MS = 50;
const COUNT = Number(process.env.BENCH_TEARDOWN_COUNT ?? 1_000);
const MEMORY_SIZES = (process.env.BENCH_TEARDOWN_MEMORY ?? '1000,10000').split(',').map(Number);
const RUN_LIMIT_MS = 5 * 60_000;
const REPLAY_CONCURRENCY = 16;
const MOCKS = fileURLToPath(new URL('./teardown-mocks.mjs', import.meta.url));
const CLI_RSS = fileURLToPath(new URL('./cli-rss.mjs', import.meta.url));
const TOKEN = 'bench-token';
const MIB = 1024 * 1024;
const ENV = { PATH: process.env.PATH ?? '', ZENLAYER_BEARER_TOKEN: TOKEN, OS_TOKEN: TOKEN };

/** @param {number} instances @param {number} ports */
async function startMocks(instances, ports) {
  const child = spawn(process.execPath, [MOCKS, String(instances), String(ports), String(TRANSITION_MS)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const first = await createInterface({ input: child.stdout })[Symbol.asyncIterator]().next();
  const [word, zenlayer, neutron] = String(first.value).split(' ');
  if (word !== 'ready') throw new Error(`teardown mocks did not start: ${first.value}`);
  return {
    zenlayer: /** @type {string} */ (zenlayer),
    neutron: /** @type {string} */ (neutron),
    stop: () =>
      new Promise((done) => {
        child.once('exit', done);
        child.kill('SIGTERM');
      }),
  };
}

/**
 * The CLI in its own process, timed from spawn to exit, with its RSS high-water mark.
 * @param {string[]} args @param {string} cwd
 */
function cli(args, cwd) {
  const started = performance.now();
  const child = spawn(process.execPath, ['--expose-gc', CLI_RSS, ...args], {
    cwd,
    env: ENV,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), RUN_LIMIT_MS);
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      const [, rss, heap, cpu] = /^BENCH-RSS (\d+) (\d+) (\d+)$/m.exec(stderr) ?? [];
      if (code !== 0 || rss === undefined)
        reject(new Error(`cloud-release ${args[0]} exited ${code}: ${stderr.slice(-2000)}`));
      else resolve({ ms, rssMiB: Number(rss) / 1024, heapMiB: Number(heap) / MIB, cpuMs: Number(cpu), stdout });
    }),
  );
}

/** @typedef {{ method: string, path: string, operation?: string, ids?: string[] }} JournalEntry */

/** @param {string} url @returns {Promise<JournalEntry[]>} */
const journalOf = async (url) => (await (await fetch(`${url}/__mock/requests`)).json()).requests;
/** @param {string} url @param {string} path @param {string} method */
const control = async (url, path, method) =>
  (await fetch(`${url}/__mock/${path}`, { method, headers: { 'content-type': 'application/json' } })).arrayBuffer();

/** The Zenlayer bodies of the calls a teardown of instances makes, rebuilt from the journal. */
const BODIES = {
  /** @param {string[]} ids */
  DescribeInstances: (ids) => ({ instanceIds: ids, pageSize: ids.length }),
  /** @param {string[]} ids */
  TerminateInstance: (ids) => ({ instanceId: ids[0] }),
  /** @param {string[]} ids */
  ReleaseInstances: (ids) => ({ instanceIds: ids }),
};

/**
 * Sends `entries` again straight to the mocks (back at their seed), 16 at a time: how long the
 * mocks take to serve the apply's request stream.
 * @param {{ zenlayer: string, neutron: string }} mocks @param {JournalEntry[]} zenlayer @param {JournalEntry[]} neutron
 */
async function replay(mocks, zenlayer, neutron) {
  await Promise.all([control(mocks.zenlayer, 'reset', 'POST'), control(mocks.neutron, 'reset', 'POST')]);
  /** @type {Array<() => Promise<Response>>} */
  const sends = [
    ...zenlayer.map((e) => {
      const body = BODIES[/** @type {keyof typeof BODIES} */ (e.operation)];
      if (!body) throw new Error(`replay: no body for ${e.operation}`);
      const json = JSON.stringify(body(e.ids ?? []));
      return () =>
        fetch(`${mocks.zenlayer}${e.path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${TOKEN}`,
            'x-zc-action': /** @type {string} */ (e.operation),
          },
          body: json,
        });
    }),
    ...neutron.map(
      (e) => () =>
        fetch(`${mocks.neutron}${e.path}`, {
          method: e.method,
          headers: { 'x-auth-token': TOKEN, ...(e.method === 'DELETE' && { 'if-match': 'revision_number=1' }) },
        }),
    ),
  ];
  let next = 0;
  const { wallMs } = await load(
    async () => {
      const send = /** @type {() => Promise<Response>} */ (sends[next++]);
      await (await send()).arrayBuffer();
    },
    sends.length,
    REPLAY_CONCURRENCY,
  );
  return { requests: sends.length, ms: wallMs, rps: sends.length / (wallMs / 1000) };
}

/**
 * plan + apply of `instances` Zenlayer instances and `ports` Neutron ports; with `measureMocks`,
 * the mocks' time for the apply's request stream.
 * @param {number} instances @param {number} ports @param {boolean} measureMocks
 */
async function teardownRun(instances, ports, measureMocks) {
  const mocks = await startMocks(instances, ports);
  const dir = mkdtempSync(join(tmpdir(), 'cloud-release-bench-teardown-'));
  try {
    const ids = [
      ...instanceIds(instances).map((id) => `instance ${id}`),
      ...neutronPortIds(ports).map((id) => `neutron-port ${id}`),
    ];
    writeFileSync(join(dir, 'ids.txt'), `${ids.join('\n')}\n`);
    const endpoints = [
      ...(instances > 0 ? ['--zenlayer-endpoint', mocks.zenlayer] : []),
      ...(ports > 0 ? ['--neutron-endpoint', mocks.neutron] : []),
    ];
    const plan = await cli(['plan', ...endpoints, '--ids-file', 'ids.txt', '--out', 'plan.json'], dir);
    await Promise.all([control(mocks.zenlayer, 'requests', 'DELETE'), control(mocks.neutron, 'requests', 'DELETE')]);
    const apply = await cli(['apply', 'plan.json', '--yes', '--json', '--journal', 'j.jsonl'], dir);
    const results = JSON.parse(apply.stdout).results;
    const gone = results.filter((/** @type {{ result: string }} */ r) => r.result === 'gone').length;
    if (gone !== instances + ports) throw new Error(`apply: ${gone} of ${instances + ports} resources gone`);
    const journal = join(dir, 'j.jsonl');
    const out = {
      instances,
      ports,
      planMs: plan.ms,
      planRssMiB: plan.rssMiB,
      planCpuMs: plan.cpuMs,
      applyMs: apply.ms,
      applyRssMiB: apply.rssMiB,
      applyHeapMiB: apply.heapMiB,
      applyCpuMs: apply.cpuMs,
      journalLines: readFileSync(journal, 'utf8').split('\n').length - 1,
      journalBytes: statSync(journal).size,
    };
    if (!measureMocks) return out;
    const [zenlayer, neutron] = await Promise.all([journalOf(mocks.zenlayer), journalOf(mocks.neutron)]);
    return { ...out, replay: await replay(mocks, zenlayer, neutron) };
  } finally {
    await mocks.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** How long the CLI takes to start and exit (`--help`), in the same process wrapper. */
async function startup() {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push((await cli(['--help'], tmpdir())).ms);
  return Math.min(...runs);
}

try {
  const startMs = await startup();
  const timed = await teardownRun(COUNT, COUNT, true);
  const memory = [];
  for (const instances of MEMORY_SIZES) memory.push(await teardownRun(instances, 0, false));
  const result = { transitionMs: TRANSITION_MS, count: COUNT, startMs, timed, memory };
  process.stderr.write(`${teardownRows(result).join('\n')}\n`);
  report(result);
} catch (error) {
  report({ error: error instanceof Error ? error.message : String(error) });
}
