// Servers in their own processes, all up at once and taking turns under autocannon, in a
// rotating order, several rounds per concurrency: a busy neighbour on the shared cores then slows
// every server alike, and the median of each cell is kept. Shared by the load sections.
import { readFileSync } from 'node:fs';
import { median } from '../lib.mjs';
import { hammer } from './autocannon-run.mjs';
import { startServer } from './server-processes.mjs';

/** @typedef {import('./autocannon-run.mjs').Cell} Cell */

/**
 * CPU time the process has used, user and system, in µs (/proc/<pid>/stat, in clock ticks of 10 ms).
 * @param {number} pid
 */
function cpuUs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * One run, with the server's CPU per answered request: on shared cores throughput swings with
 * the neighbours, while the CPU a request costs the server moves far less.
 * @param {{ url: string, pid: number }} server
 * @param {number} connections
 * @param {number} [seconds]
 * @returns {Promise<Cell>}
 */
export async function measured(server, connections, seconds) {
  const before = cpuUs(server.pid);
  const cell = await hammer(server.url, connections, seconds);
  return { ...cell, cpuUsPerRequest: (cpuUs(server.pid) - before) / cell.requests };
}

/**
 * @param {Record<string, import('./server-processes.mjs').ServerStart>} table the servers, by name
 * @param {number[]} concurrencies
 * @param {number} rounds
 * @param {number} [seconds] each run's length (autocannon-run's DURATION_S unless given)
 * @returns {Promise<import('./goals.mjs').LoadResults>} per server, a Cell per concurrency or its error
 */
export async function takeTurns(table, concurrencies, rounds, seconds) {
  /** @type {Record<string, Awaited<ReturnType<typeof startServer>>>} */
  const servers = {};
  /** @type {import('./goals.mjs').LoadResults} */
  const results = {};
  for (const name of Object.keys(table)) {
    try {
      servers[name] = await startServer(name, table);
      await hammer(servers[name].url, 16, 2); // warm-up: JIT the server before anything is measured
    } catch (error) {
      results[name] = { error: /** @type {Error} */ (error).message };
    }
  }
  const running = Object.keys(servers).filter((name) => !results[name]);
  /** @type {Record<string, Record<number, Cell[]>>} */
  const runs = Object.fromEntries(
    running.map((n) => [n, Object.fromEntries(concurrencies.map((c) => [c, /** @type {Cell[]} */ ([])]))]),
  );
  try {
    for (const c of concurrencies) {
      for (let round = 0; round < rounds; round++) {
        for (let i = 0; i < running.length; i++) {
          const name = /** @type {string} */ (running[(i + round) % running.length]);
          if (results[name]) continue;
          try {
            runs[name]?.[c]?.push(
              await measured(/** @type {{ url: string, pid: number }} */ (servers[name]), c, seconds),
            );
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
      concurrencies.map((c) => {
        const cell = runs[name]?.[c] ?? [];
        return [
          c,
          {
            rps: median(cell.map((r) => r.rps)),
            p50Ms: median(cell.map((r) => r.p50Ms)),
            p99Ms: median(cell.map((r) => r.p99Ms)),
            requests: median(cell.map((r) => r.requests)),
            cpuUsPerRequest: median(cell.map((r) => r.cpuUsPerRequest ?? Number.NaN)),
          },
        ];
      }),
    );
  }
  return results;
}
