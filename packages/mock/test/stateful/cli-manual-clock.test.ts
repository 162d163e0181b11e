// `cloud-release-mock --stateful --transition-ms manual`: both mocks' transitions wait for
// POST /__mock/clock; any other word is a usage error.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it, vi } from 'vitest';

// Each test starts the CLI, a process that loads the whole mock before it parses a flag: on a
// loaded 2-core machine (a cold `pnpm test` runs every package at once) that alone can pass the
// config's 15 s, so these tests have cli.test.ts's bound for a spawned mock.
vi.setConfig({ testTimeout: 90_000 });

import { control, statusOf, zenlayer } from './support.js';

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const stops: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(stops.splice(0).map((stop) => stop()));
});

function run(args: string[]) {
  const child = spawn(process.execPath, [cli, '--zenlayer-port', '0', '--neutron-port', '0', '--quiet', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  stops.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => out.includes('Neutron mock:') && resolve(out));
    void exited.then(() => reject(new Error(`exited: ${out}`)));
  });
  ready.catch(() => {});
  return { ready, exited, output: () => out };
}

it('holds a transition until the clock is advanced', async () => {
  const banner = await run(['--stateful', '--transition-ms', 'manual']).ready;
  const mock = { url: /Zenlayer mock: (\S+)/.exec(banner)![1]! };
  await zenlayer(mock, 'TerminateInstance', { instanceId: 'vm-1' });
  expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLING']);
  expect((await control(mock, 'POST', 'clock', { advanceMs: 50 })).body.manual).toBe(true);
  expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLE']);
});

it('refuses another word with exit 2, naming what it takes', async () => {
  const started = run(['--stateful', '--transition-ms', 'later']);
  expect(await started.exited).toBe(2);
  expect(started.output()).toContain('--transition-ms must be an integer ≥ 0 or "manual" (got "later")');
});
