// The README's --json example, run exactly as the README spells it: stdout is JSON and nothing
// else (no pnpm banner, no turbo lines), and the JSON names the endpoint it used.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { CLI } from './support/harness.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function exec(file: string, args: string[], cwd: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };
  for (const name of ['ZENLAYER_ACCESS_KEY_ID', 'ZENLAYER_ACCESS_KEY_PASSWORD', 'ZENLAYER_BEARER_TOKEN', 'OS_TOKEN'])
    delete env[name];
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
    execFile(file, args, { cwd, env, timeout: 90_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

it('npx --yes pnpm@10.34.9 -s cloud-release release-disk disk-1 --yes --json prints only JSON on stdout', async () => {
  const r = await exec(
    'npx',
    ['--yes', 'pnpm@10.34.9', '-s', 'cloud-release', 'release-disk', 'disk-1', '--yes', '--json'],
    root,
  );
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json).toMatchObject({ ok: true, embeddedMock: true, result: { alreadyGone: false } });
  expect(json.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
}, 120_000);

it('the bin itself: --version and --json from node dist/cli.js', async () => {
  const version = await exec(process.execPath, [CLI, '--version'], root);
  expect(version).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  const r = await exec(process.execPath, [CLI, 'destroy-port', 'port-1', '--yes', '--json'], root);
  expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, embeddedMock: true });
}, 60_000);
