// A mock that never starts must fail the suite promptly and say which mock, never hang and
// never end "green" with no test run. Runs vitest on this package with a stand-in
// mock that never listens and a 2 s start bound.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
const BOUND_MS = 1_000;
// vitest's own start-up on a loaded two-core machine, on top of the bound.
const KILL_AFTER_MS = 60_000;

function runVitest(): Promise<{ code: number | null; output: string; elapsedMs: number; killed: boolean }> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['node_modules/vitest/vitest.mjs', 'run', '--config', 'test/support/never-listening/vitest.config.ts'],
      {
        cwd: packageDir,
        env: { ...env, CONTRACT_MOCK_START_TIMEOUT_MS: String(BOUND_MS), NO_COLOR: '1' },
        timeout: KILL_AFTER_MS,
      },
      (error, stdout, stderr) => {
        resolve({
          code: child.exitCode,
          output: `${stdout}\n${stderr}`,
          elapsedMs: performance.now() - started,
          killed: Boolean(error?.killed),
        });
      },
    );
  });
}

it('fails within the bound, naming each mock that did not start, with no test run', { timeout: 90_000 }, async () => {
  const { code, output, elapsedMs, killed } = await runVitest();
  expect(killed, output).toBe(false);
  expect(code, output).not.toBe(0);
  expect(output).toContain('contract suite: the zenlayer mock did not start within 1 s');
  expect(output).toContain('the neutron mock did not start within 1 s');
  expect(output).not.toContain('got both mock URLs');
  expect(elapsedMs).toBeLessThan(KILL_AFTER_MS);
});
