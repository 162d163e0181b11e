// Reads turbo's output of a test run and fails when a package ran no test, or when the sum of
// passed tests falls below the floor kept in .ci/test-floor: a runner that exits 0 having run
// nothing (a setup that never finished, an include that matches nothing) must not look green.
//   node .ci/test-counts.mjs <log> [--all] [--floor <file>] [--label <text>]
// --all: every workspace package with a `test` script must have reported; otherwise every
// package whose test task appears in the log.
//   node .ci/test-counts.mjs --total <log>...   prints only the closing line, summed over the logs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    all: { type: 'boolean' },
    floor: { type: 'string' },
    label: { type: 'string' },
    total: { type: 'boolean' },
  },
});
if (positionals.length === 0) throw new Error('usage: test-counts.mjs <log> [--all] [--floor <file>] [--label <text>]');

/**
 * Each package's vitest summary in one log, and every package whose test task printed anything.
 * @param {string} logFile
 */
function readCounts(logFile) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI colours vitest prints
  const log = readFileSync(logFile, 'utf8').replace(/\x1b\[[0-9;]*m/g, '');
  /** @type {Map<string, { passed: number, failed: number }>} */
  const counts = new Map();
  /** @type {Set<string>} */
  const seen = new Set();
  for (const line of log.split('\n')) {
    const task = /^(\S+):test: /.exec(line);
    if (!task?.[1]) continue;
    const name = task[1];
    seen.add(name);
    const summary = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line.slice(task[0].length));
    if (!summary?.[1]) continue;
    const passed = Number(/(\d+) passed/.exec(summary[1])?.[1] ?? 0);
    const failed = Number(/(\d+) failed/.exec(summary[1])?.[1] ?? 0);
    counts.set(name, { passed, failed });
  }
  return { counts, seen };
}

/** @param {Iterable<{ passed: number, failed: number }>} counts */
function sum(counts) {
  let passed = 0;
  let failed = 0;
  for (const count of counts) {
    passed += count.passed;
    failed += count.failed;
  }
  return { passed, failed };
}

if (values.total) {
  const total = sum(positionals.flatMap((file) => [...readCounts(file).counts.values()]));
  // The plain closing line, alone: "N passed, N failed".
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed > 0 ? 1 : 0);
}
const { counts, seen } = readCounts(positionals[0] ?? '');

/** Every workspace package with a `test` script, read from the folders pnpm-workspace.yaml names. */
function packagesWithTests() {
  const root = new URL('..', import.meta.url).pathname;
  const globs = [...readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^ {2}- (\S+)$/gm)].map(
    (m) => m[1],
  );
  const dirs = globs.flatMap((glob) =>
    glob?.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2)), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => join(glob.slice(0, -2), d.name))
      : [glob ?? ''],
  );
  return dirs.flatMap((dir) => {
    try {
      const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      return pkg.scripts?.test ? [pkg.name] : [];
    } catch {
      return [];
    }
  });
}

const expected = values.all ? packagesWithTests() : [...seen];
const problems = [];
for (const name of expected) {
  const count = counts.get(name);
  if (!count) problems.push(`${name}: no test summary (its test task ran nothing, or never ran)`);
  else if (count.passed === 0) problems.push(`${name}: 0 tests passed`);
}
const { passed, failed } = sum(counts.values());
let floor = 0;
if (values.floor) {
  floor = Number(readFileSync(values.floor, 'utf8').trim());
  if (passed < floor) problems.push(`${passed} tests passed, below the floor of ${floor} in ${values.floor}`);
}
const label = values.label ? `${values.label}: ` : '';
for (const problem of problems) console.error(`${label}${problem}`);
const perPackage = [...counts].map(([name, count]) => `${name.replace('@cloud-release/', '')} ${count.passed}`);
console.log(
  `${label}tests passed per package: ${perPackage.join(', ')}; total ${passed}${floor ? ` (floor ${floor})` : ''}`,
);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
