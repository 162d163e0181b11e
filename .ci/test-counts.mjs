// Reads the JSON report vitest writes for each package's `test` task (reports/tests.json, see the
// `test` scripts; a turbo cache hit restores it) and fails when a package ran no test, or when
// the sum of passed tests falls below the floor kept in .ci/test-floor: a runner that exits 0
// having run nothing (a setup that never finished, an include that matches nothing) must not
// look green.
//   node .ci/test-counts.mjs <dir> [--all | --in <path>...] [--floor <file>] [--label <text>]
// Moves each package's report into <dir> (so the next run's count never reads this run's), then
// checks them. --all: every workspace package with a `test` script must have reported; --in
// <path> (repeatable, a workspace folder or `folder/*`, as turbo's --filter=./<path>): every
// package with a `test` script there; otherwise every package that reported.
//   node .ci/test-counts.mjs --total <dir>...   prints only the closing line, summed over the dirs.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const REPORT = join('reports', 'tests.json');
const root = new URL('..', import.meta.url).pathname;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    all: { type: 'boolean' },
    in: { type: 'string', multiple: true },
    floor: { type: 'string' },
    label: { type: 'string' },
    total: { type: 'boolean' },
  },
});
if (positionals.length === 0)
  throw new Error('usage: test-counts.mjs <dir> [--all | --in <path>...] [--floor <file>] [--label <text>]');

/**
 * The counts of one vitest JSON report; `success` is false also when a test file failed to load
 * (a failed suite, no failed test).
 * @param {string} file
 * @returns {{ passed: number, failed: number, success: boolean }}
 */
function readReport(file) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const passed = report.numPassedTests;
  const failed = report.numFailedTests;
  if (!Number.isInteger(passed) || !Number.isInteger(failed) || typeof report.success !== 'boolean')
    throw new Error(`${file}: not a vitest JSON report (numPassedTests, numFailedTests, success)`);
  return { passed, failed, success: report.success };
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
  const reports = positionals.flatMap((dir) =>
    readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => readReport(join(dir, name))),
  );
  const total = sum(reports);
  // The plain closing line, alone: "N passed, N failed".
  console.log(`${total.passed} passed, ${total.failed} failed`);
  process.exit(total.failed > 0 || reports.some((r) => !r.success) ? 1 : 0);
}

/** A workspace folder's subfolders when it ends in `/*`, else the folder itself. */
function expand(/** @type {string} */ glob) {
  const path = glob.replace(/^\.\//, '').replace(/\/$/, '');
  if (!path.endsWith('/*')) return [path];
  const parent = path.slice(0, -2);
  return readdirSync(join(root, parent), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(parent, d.name));
}

/**
 * The packages with a `test` script in the given folders (default: those pnpm-workspace.yaml names).
 * @param {string[] | undefined} paths
 */
function packagesWithTests(paths) {
  const globs =
    paths ??
    [...readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8').matchAll(/^ {2}- (\S+)$/gm)].map((m) => m[1] ?? '');
  return globs.flatMap(expand).flatMap((dir) => {
    try {
      const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
      return pkg.scripts?.test ? [{ name: String(pkg.name), dir }] : [];
    } catch {
      return [];
    }
  });
}

const [into = ''] = positionals;
mkdirSync(into, { recursive: true });
/** @type {Map<string, { passed: number, failed: number, success: boolean }>} */
const counts = new Map();
const workspace = packagesWithTests(undefined);
for (const { name, dir } of workspace) {
  const report = join(root, dir, REPORT);
  if (!existsSync(report)) continue;
  const kept = join(into, `${name.replace(/\//g, '+')}.json`);
  // Copied, then removed: <dir> may be on another file system (a temporary folder).
  copyFileSync(report, kept);
  rmSync(report);
  counts.set(name, readReport(kept));
}

const expected = values.all ? workspace : values.in ? packagesWithTests(values.in) : [];
const problems = [];
for (const { name } of expected) {
  if (!counts.has(name)) problems.push(`${name}: no ${REPORT} (its test task ran nothing, or never ran)`);
}
for (const [name, count] of counts) {
  if (count.passed === 0) problems.push(`${name}: 0 tests passed`);
  if (!count.success) problems.push(`${name}: vitest reported a failure`);
}
const { passed, failed } = sum(counts.values());
if (counts.size === 0) problems.push(`no package wrote ${REPORT}`);
let floor = 0;
if (values.floor) {
  floor = Number(readFileSync(values.floor, 'utf8').trim());
  if (passed < floor) problems.push(`${passed} tests passed, below the floor of ${floor} in ${values.floor}`);
}
const label = values.label ? `${values.label}: ` : '';
for (const problem of problems) console.error(`${label}${problem}`);
const perPackage = [...counts].map(([name, count]) => `${name.replace('@cloud-release/', '')} ${count.passed}`);
console.log(
  `${label}tests passed per package: ${perPackage.join(', ')}; total ${passed}${floor ? ` (floor ${floor})` : ''}${failed ? `; ${failed} failed` : ''}`,
);
process.exit(problems.length > 0 || failed > 0 ? 1 : 0);
