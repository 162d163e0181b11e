// Small helpers shared by the bench sections: statistics and child-process servers.
import { spawn } from 'node:child_process';

/** @param {number[]} xs */
export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  const at = (/** @type {number} */ i) => s[i] ?? Number.NaN;
  return s.length % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
};
/** @param {number[]} xs @param {number} p */
export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

/**
 * Starts `node script args…` and resolves with the first http://127.0.0.1:port URL it prints.
 * @param {string} script
 * @param {string[]} [args]
 * @returns {Promise<{ url: string, stop: () => Promise<unknown> }>}
 */
export function startServerProcess(script, args = []) {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL from ${script}: ${out}`)), 15_000);
    child.stdout.on('data', (d) => {
      out += d;
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        child.stdout.resume();
        resolve({
          url,
          stop: () =>
            new Promise((r) => {
              child.once('exit', r);
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

/**
 * Runs `count` requests, `concurrency` at a time; returns per-request latencies (ms) and wall time (ms).
 * @param {() => Promise<unknown>} send
 * @param {number} count
 * @param {number} concurrency
 */
export async function load(send, count, concurrency) {
  /** @type {number[]} */
  const latencies = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++;
        const t = performance.now();
        await send();
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started };
}

/**
 * Prints a section's result for run.mjs to collect.
 * @param {unknown} result
 */
export const report = (result) => console.log(`BENCH-RESULT ${JSON.stringify(result)}`);
