// Startup: spawn to "ready" in a fresh process, import included, for the mock (examples and
// stateful) and `prism mock` on the same spec; the median of several starts each, interleaved.
import { median, report } from '../lib.mjs';
import { startServer } from './server-processes.mjs';

const STARTS = Number(process.env.BENCH_STARTS ?? 7);
const names = ['@cloud-release/mock (examples)', '@cloud-release/mock (stateful)', 'prism mock'];
/** @type {Record<string, number[]>} */
const times = Object.fromEntries(names.map((n) => [n, []]));
/** @type {Record<string, string>} */
const errors = {};
for (let i = 0; i < STARTS; i++) {
  for (const name of names) {
    try {
      const server = await startServer(name);
      times[name]?.push(server.readyMs);
      await server.stop();
    } catch (error) {
      errors[name] = /** @type {Error} */ (error).message;
    }
  }
}
report({
  starts: STARTS,
  medianMs: Object.fromEntries(names.map((n) => [n, times[n]?.length ? median(times[n]) : null])),
  errors,
});
