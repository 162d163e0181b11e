#!/usr/bin/env node
// The `npm` that pnpm 10 finds first when it forwards a command to npm in this repository.
//
// Why: pnpm 10 hands `docs` (with bugs, repo, view and a few more) to npm before it looks at
// the package's scripts, so `pnpm docs` would run npm's `npm docs` (open a homepage) instead of
// our `docs` script. npm ignores a `browser` override, and pnpm's `npm-path` setting lives in
// .npmrc, where every npm and npx command would warn about it. pnpm runs that `npm` with
// `<cwd>/node_modules/.bin` first on PATH, and this package's bin is linked there.
//
// What it does: exactly `npm docs`, in a directory whose package.json has a `docs` script, runs
// that script with the pnpm on PATH (the one that forwarded it: npx puts it there). Everything
// else — `npm docs <pkg>`, `npm publish`, npm inside any script — goes to the real npm,
// unchanged, with its exit status.
import { spawnSync } from 'node:child_process';
import { accessSync, closeSync, constants, openSync, readFileSync, readSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const args = process.argv.slice(2);

/** @returns {boolean} whether the directory's package.json has a `docs` script */
function hasDocsScript(/** @type {string} */ dir) {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    return typeof manifest?.scripts?.docs === 'string';
  } catch {
    return false;
  }
}

/** Whether an `npm` on PATH is this file: itself, or the wrapper pnpm writes in .bin for it. */
function isThisShim(/** @type {string} */ candidate, /** @type {string} */ self) {
  if (realpathSync(candidate) === self) return true;
  // pnpm's .bin entries are small shell scripts that exec `node <path to this file>`; the real
  // npm may be a large binary, so only its head is read.
  const head = Buffer.alloc(4096);
  const fd = openSync(candidate, 'r');
  try {
    const length = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, length).toString('utf8').includes('docs-command/bin/npm.mjs');
  } finally {
    closeSync(fd);
  }
}

/** @returns {string | undefined} the first executable `npm` on PATH that is not this shim */
function realNpm() {
  const self = realpathSync(process.argv[1] ?? '');
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, 'npm');
    try {
      accessSync(candidate, constants.X_OK);
      if (!isThisShim(candidate, self)) return candidate;
    } catch {
      // not there, not executable or not readable: keep looking
    }
  }
  return undefined;
}

/** Runs a command with this process's terminal and ends this process as it ended. */
function run(/** @type {string} */ command, /** @type {string[]} */ commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.error) {
    process.stderr.write(`cloud-release: could not run ${command}: ${result.error.message}\n`);
    process.exit(1);
  }
  // A child killed by a signal: end the same way, so the caller sees the signal too.
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
}

if (args.length === 1 && args[0] === 'docs' && hasDocsScript(process.cwd())) {
  run('pnpm', ['run', 'docs']);
} else {
  const npm = realNpm();
  if (!npm) {
    process.stderr.write('cloud-release: no npm on PATH besides node_modules/.bin/npm\n');
    process.exit(127);
  }
  run(npm, args);
}
