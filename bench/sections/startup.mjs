// Startup: spawn to ready, and spawn to the first answer (a ReleaseInstances sent as soon as it
// is ready), in a fresh process, import included, for the mock (examples and stateful) and
// `prism mock` on the same spec; the median of several starts each, interleaved. The server's
// own CPU time up to that answer is kept too: unlike wall time, a busy neighbour on the shared
// cores barely moves it.
import { median, report } from '../lib.mjs';
import { cpuMs, firstAnswer } from './first-answer.mjs';
import { startServer } from './server-processes.mjs';

const STARTS = Number(process.env.BENCH_STARTS ?? 7);
const names = ['@cloud-release/mock (examples)', '@cloud-release/mock (stateful)', 'prism mock'];
/** @type {Record<string, { ready: number[], answer: number[], cpu: number[] }>} */
const times = Object.fromEntries(names.map((n) => [n, { ready: [], answer: [], cpu: [] }]));
/** @type {Record<string, string>} */
const errors = {};
// One start of each first, not counted: the first spawn of a run also warms the disk cache.
for (let i = -1; i < STARTS; i++) {
  for (const name of names) {
    try {
      const server = await startServer(name);
      try {
        const answerMs = server.readyMs + (await firstAnswer(server.url));
        const cpu = cpuMs(server.pid);
        if (i < 0) continue;
        times[name]?.ready.push(server.readyMs);
        times[name]?.answer.push(answerMs);
        times[name]?.cpu.push(cpu);
      } finally {
        await server.stop();
      }
    } catch (error) {
      errors[name] = /** @type {Error} */ (error).message;
    }
  }
}
/** @param {'ready' | 'answer' | 'cpu'} which */
const medians = (which) =>
  Object.fromEntries(
    names.map((n) => {
      const xs = times[n]?.[which] ?? [];
      return [n, xs.length ? median(xs) : null];
    }),
  );
report({
  starts: STARTS,
  medianMs: medians('ready'),
  medianAnswerMs: medians('answer'),
  medianCpuMs: medians('cpu'),
  errors,
});
