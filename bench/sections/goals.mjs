// The issue-11 goals for the load, startup and memory sections: each line says met or missed,
// the measured ratio and, when missed, what the numbers point at.
/** @typedef {import('./autocannon-run.mjs').Cell} Cell */
/** @typedef {Record<string, { error?: string, [concurrency: number]: Cell | undefined }>} LoadResults */

/** @param {number} n */
const f = (n, digits = 2) => n.toFixed(digits);
/** @param {boolean} ok */
const verdict = (ok) => (ok ? 'met' : '**MISSED**');
const EXAMPLES = '@cloud-release/mock (examples)';
const STATEFUL = '@cloud-release/mock (stateful)';
const PRISM = 'prism mock';

/** @param {LoadResults} results */
export function loadGoals(results) {
  /** @param {string} name */
  const c16 = (name) => (results[name]?.error ? undefined : results[name]?.[16]?.rps);
  const [examples, stateful, prism, bare] = [EXAMPLES, STATEFUL, PRISM, 'node:http baseline'].map(c16);
  if ([examples, stateful, prism, bare].includes(undefined)) {
    return ['Goals not evaluated: a server above failed, see its row.'];
  }
  const [e, s, p, b] = /** @type {[number, number, number, number]} */ ([examples, stateful, prism, bare]);
  const stateRatio = s / e;
  const prismRatio = Math.min(e, s) / p;
  return [
    `Goal: stateful ≥ 0.9 × examples at c16 → ${f(stateRatio)} × (${verdict(stateRatio >= 0.9)}).` +
      (stateRatio >= 0.9
        ? ''
        : ' Both modes share the request path up to the answer, so the gap is the state engine and its journal per request.'),
    `Goal: the mock (its slower mode) ≥ 2 × prism mock at c16 → ${f(prismRatio)} × (${verdict(prismRatio >= 2)}).` +
      (prismRatio >= 2
        ? ''
        : " The mock validates every request with Prism's own validator, so it pays most of what `prism mock` pays per request."),
    `With autocannon the examples mode serves ${f(e / b)} × a bare node:http server at c16 (section 2's fetch-based ` +
      'load generator understates the gap: it is itself the bottleneck there).',
  ];
}

/** @param {{ medianMs: Record<string, number | undefined> }} startup */
export function startupGoal(startup) {
  const { medianMs } = startup;
  const prism = medianMs[PRISM];
  const mock = Math.max(medianMs[EXAMPLES] ?? Number.NaN, medianMs[STATEFUL] ?? Number.NaN);
  if (prism === undefined || !(prism > 0) || Number.isNaN(mock))
    return ['Goal not evaluated: a start failed, see the table.'];
  const ratio = mock / prism;
  return [
    `Goal: the mock (its slower mode) ≤ 0.3 × prism mock's time to listen → ${f(ratio)} × (${verdict(ratio <= 0.3)}).` +
      (ratio <= 0.3
        ? ''
        : ' Nearly all of it is loading: importing the mock loads Prism (its validator and its dependencies) and parses the spec before the first request.'),
  ];
}

/**
 * @param {{ error?: string, entries: number, seedMs: number, empty: Cell, full: Cell, rssEmptyMiB: number, rssFullMiB: number }} held
 */
export function heldRows(held) {
  if (held.error) return [`Failed: ${held.error}`, '', 'Goal not evaluated.'];
  const ratio = held.full.rps / held.empty.rps;
  return [
    '| inventory | req/s | p50 ms | p99 ms | RSS MiB |',
    '|---|---:|---:|---:|---:|',
    `| empty | ${f(held.empty.rps, 0)} | ${held.empty.p50Ms} | ${held.empty.p99Ms} | ${f(held.rssEmptyMiB, 0)} |`,
    `| ${held.entries.toLocaleString('en')} entries | ${f(held.full.rps, 0)} | ${held.full.p50Ms} | ${held.full.p99Ms} | ${f(held.rssFullMiB, 0)} |`,
    '',
    `Seeding took ${f(held.seedMs / 1000, 1)} s. Goal: no more than 10 % slower → ${f(ratio)} × (${verdict(ratio >= 0.9)}).` +
      (ratio >= 0.9 ? '' : ' Something per request scales with the inventory (a scan rather than a lookup by id).'),
  ];
}
