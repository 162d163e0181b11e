// The stateful mock's memory under input that never ends or is hostile, on loopback: the mocks
// in a process of their own (memory-probe-mock.mjs) that reports its heap after a full GC (what
// the mock keeps) and its resident memory (RSS, what the system gives it). Counts and times are
// bounded, so the section ends.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { report } from '../lib.mjs';
import { rssMiB } from './server-processes.mjs';

const PROBE = fileURLToPath(new URL('./memory-probe-mock.mjs', import.meta.url));
const TOKEN = 'bench-token';
const CONCURRENCY = 16;
/** The journal is cleared this often in the id streams, so their rows measure the inventory. */
const CLEAR_EVERY = 5_000;
const BODY_COUNT = Number(process.env.BENCH_BODY_COUNT ?? 1_000);
const BODY_SECONDS = 30;
const MIB = 1024 * 1024;

function startProbe() {
  const child = spawn(process.execPath, ['--expose-gc', PROBE, TOKEN], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => /** @type {string} */ ((await lines.next()).value);
  return next().then((ready) => {
    const [, zenlayer, neutron] = ready.split(' ');
    return {
      zenlayer: /** @type {string} */ (zenlayer),
      neutron: /** @type {string} */ (neutron),
      pid: /** @type {number} */ (child.pid),
      /** Heap after a full GC and RSS, in MiB. */
      measure: async () => {
        child.stdin.write('measure\n');
        const [, heap, rss] = (await next()).split(' ').map(Number);
        return { heapMiB: /** @type {number} */ (heap) / MIB, rssMiB: /** @type {number} */ (rss) / MIB };
      },
      stop: () =>
        new Promise((done) => {
          child.once('exit', () => done(undefined));
          child.stdin.end();
        }),
    };
  });
}

/**
 * Runs `count` calls of `call(n)`, CONCURRENCY at a time.
 * @param {number} count @param {(n: number) => Promise<unknown>} call
 */
async function pool(count, call) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await call(next++);
    }),
  );
}

/** @param {Response} response @param {number[]} expected */
async function expectStatus(response, expected) {
  await response.arrayBuffer();
  if (!expected.includes(response.status)) throw new Error(`unexpected ${response.status} from ${response.url}`);
}

const mock = await startProbe();
try {
  // The Zenlayer mock checks its callers' bearer token, so its control plane asks for it too; a
  // refused control call fails the section rather than leaving the journal uncleared.
  const control = async (/** @type {string} */ url, /** @type {string} */ path, method = 'GET') => {
    const response = await fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(`unexpected ${response.status} from ${method} ${response.url}`);
    return response.status === 204 ? undefined : response.json();
  };
  const clearJournal = (/** @type {string} */ url) => control(url, '/__mock/requests', 'DELETE');
  const release = (/** @type {string[]} */ instanceIds) =>
    fetch(`${mock.zenlayer}/api/v2/vm`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TOKEN}`,
        'x-zc-action': 'ReleaseInstances',
      },
      body: JSON.stringify({ instanceIds }),
    }).then((r) => expectStatus(r, [200]));

  // Unknown ids released leniently: 3 × 100,000, in batches of 100.
  const lenient = [await mock.measure()];
  for (let step = 0; step < 3; step++) {
    await pool(1_000, async (n) => {
      const batch = step * 1_000 + n;
      await release(Array.from({ length: 100 }, (_, i) => `i-bench-${batch * 100 + i}`));
      if (batch % (CLEAR_EVERY / 100) === 0) await clearJournal(mock.zenlayer);
    });
    await clearJournal(mock.zenlayer);
    lenient.push(await mock.measure());
  }

  // Neutron DELETEs of unknown ports: 2 × 50,000.
  const neutron = [await mock.measure()];
  const uuid = (/** @type {number} */ n) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
  for (let step = 0; step < 2; step++) {
    await pool(50_000, async (n) => {
      const at = step * 50_000 + n;
      const response = await fetch(`${mock.neutron}/v2.0/ports/${uuid(at)}`, {
        method: 'DELETE',
        headers: { 'x-auth-token': 'bench' },
      });
      await expectStatus(response, [204]);
      if (at % CLEAR_EVERY === 0) await clearJournal(mock.neutron);
    });
    await clearJournal(mock.neutron);
    neutron.push(await mock.measure());
  }

  // 1 MiB bodies without Authorization (each a 401), journal not cleared: RSS sampled as they go.
  const body = JSON.stringify({ instanceIds: ['x'.repeat(1024 * 1024 - 40)] });
  const bodiesBefore = await rssMiB(mock.pid);
  let peak = bodiesBefore;
  let sent = 0;
  const sampler = setInterval(() => {
    rssMiB(mock.pid).then((mib) => {
      peak = Math.max(peak, mib);
    });
  }, 250);
  const deadline = performance.now() + BODY_SECONDS * 1000;
  await pool(BODY_COUNT, async () => {
    if (performance.now() > deadline) return;
    const response = await fetch(`${mock.zenlayer}/api/v2/vm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zc-action': 'ReleaseInstances' },
      body,
    });
    await expectStatus(response, [401]);
    sent++;
  });
  clearInterval(sampler);
  const bodiesAfter = await rssMiB(mock.pid);
  // The journal must still answer after the bodies: a refusal fails the section (control).
  const summary = /** @type {{ bytes: number, requests: unknown[] }} */ (
    await control(mock.zenlayer, '/__mock/requests')
  );
  const resources = /** @type {{ lenient: { remembered: number, forgotten: number } }} */ (
    await control(mock.zenlayer, '/__mock/resources')
  );
  report({
    lenientMiB: lenient,
    lenientMemory: { remembered: resources.lenient.remembered, forgotten: resources.lenient.forgotten },
    neutronMiB: neutron,
    bodies: {
      sent,
      mib: 1,
      beforeMiB: bodiesBefore,
      peakMiB: peak,
      afterMiB: bodiesAfter,
      afterHeapMiB: (await mock.measure()).heapMiB,
      journalLines: summary.requests.length,
      journalBytes: summary.bytes,
    },
  });
} catch (error) {
  report({ error: /** @type {Error} */ (error).message });
} finally {
  await mock.stop();
}
