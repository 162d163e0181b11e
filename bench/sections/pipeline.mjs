// Section 5: `turbo run build test` cold (turbo's cache cleared) and then warm.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { report } from '../lib.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pnpm = process.env.npm_execpath;
if (!pnpm) throw new Error('bench: run it through pnpm (npm_execpath is not set)');
/** @param {string[]} args */
const turbo = (args) => {
  const started = performance.now();
  let out;
  /** @type {string | undefined} */
  let failed;
  try {
    out = execFileSync(
      process.execPath,
      [pnpm, 'exec', 'turbo', 'run', 'build', 'test', '--output-logs=none', ...args],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
      },
    );
  } catch (error) {
    // A task that fails (a timing test on a machine this busy) is reported, not hidden: the
    // time is still what the run took, and the table says which task failed.
    out = String(/** @type {{ stdout?: string }} */ (error).stdout ?? '');
    failed = /Failed:\s+(.+)/.exec(out)?.[1]?.trim() ?? 'a task';
  }
  return {
    ms: performance.now() - started,
    fullTurbo: out.includes('FULL TURBO'),
    tasks: /Tasks:\s+(\d+) successful/.exec(out)?.[1],
    failed,
  };
};
rmSync(`${root}.turbo/cache`, { recursive: true, force: true });
const cold = turbo([]);
const warm = turbo([]);
report({ cold, warm });
