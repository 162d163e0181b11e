// `cloud-release-mock --stateful --transition-ms manual`: both mocks' transitions wait for
// POST /__mock/clock; any other word is a usage error.
import { expect, it, vi } from 'vitest';

// Each test starts the CLI, a process that loads the whole mock before it parses a flag: on a
// loaded 2-core machine (a cold `pnpm test` runs every package at once) that alone can pass the
// config's 15 s, so these tests have cli.test.ts's bound for a spawned mock.
vi.setConfig({ testTimeout: 90_000 });

import { runCli } from '../support/cli.js';
import { control, statusOf, zenlayer } from './support.js';

it('holds a transition until the clock is advanced', async () => {
  const mock = { url: (await runCli(['--stateful', '--transition-ms', 'manual', '--quiet']).ready).zenlayer };
  await zenlayer(mock, 'TerminateInstance', { instanceId: 'vm-1' });
  expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLING']);
  expect((await control(mock, 'POST', 'clock', { advanceMs: 50 })).body.manual).toBe(true);
  expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLE']);
});

it('refuses another word with exit 2, naming what it takes', async () => {
  const started = runCli(['--stateful', '--transition-ms', 'later', '--quiet']);
  expect(await started.exited).toBe(2);
  expect(started.output()).toContain('--transition-ms must be an integer ≥ 0 or "manual" (got "later")');
});
