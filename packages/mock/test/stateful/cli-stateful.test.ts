// `cloud-release-mock --stateful --seed <file>`: both mocks keep state, seeded from one file.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, onTestFinished, vi } from 'vitest';
import { runCli } from '../support/cli.js';

// Each test starts the CLI, a process that loads the whole mock before it parses a flag: on a
// loaded 2-core machine (a cold `pnpm test` runs every package at once) that alone can pass the
// config's 15 s, so these tests have cli.test.ts's bound for a spawned mock.
vi.setConfig({ testTimeout: 90_000 });

/** A seed file of this name and text in a fresh directory, removed after the test. */
async function seedFile(name: string, text: string) {
  const dir = await mkdtemp(join(tmpdir(), 'cli-seed-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  const seed = join(dir, name);
  await writeFile(seed, text);
  return seed;
}

it('serves the seeded inventory and its control plane on both ports', async () => {
  const seed = await seedFile(
    'seed.json',
    JSON.stringify({
      zenlayer: { resources: [{ type: 'disk', id: 'd-1', status: 'RECYCLED' }] },
      neutron: { resources: [{ id: '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11', device_owner: 'network:router_gateway' }] },
    }),
  );
  const { zenlayer, neutron } = await runCli(['--stateful', '--seed', seed, '--strict', '--quiet']).ready;
  expect(await (await fetch(`${zenlayer}/__mock/resources`)).json()).toMatchObject({
    resources: [{ type: 'disk', id: 'd-1', status: 'RECYCLED' }],
  });
  const refused = await fetch(`${neutron}/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11`, {
    method: 'DELETE',
    headers: { 'x-auth-token': 't' },
  });
  expect(refused.status).toBe(409);
});

it('refuses a malformed seed file before serving, naming the problem', async () => {
  const seed = await seedFile(
    'seed.yaml',
    'zenlayer:\n  resources:\n    - { type: instance, id: i-1, status: GONE }\n',
  );
  const { exited, output } = runCli(['--stateful', '--seed', seed]);
  expect(await exited).toBe(1);
  expect(output()).toMatch(/cannot start: The seed was refused whole .*resources\[0\]\.status must be one of/);
});

it('says --seed needs --stateful', async () => {
  const { exited, output } = runCli(['--seed', 'x.yaml']);
  expect(await exited).toBe(2);
  expect(output()).toContain('--seed, --strict, --transition-ms and --control-token need --stateful');
});

it('--control-token locks both control planes to that token', async () => {
  const { zenlayer, neutron } = await runCli(['--stateful', '--control-token', 'cli-control-token', '--quiet']).ready;
  for (const url of [zenlayer, neutron]) {
    expect((await fetch(`${url}/__mock/resources`)).status).toBe(401);
    const opened = await fetch(`${url}/__mock/resources`, { headers: { authorization: 'Bearer cli-control-token' } });
    expect([opened.status, (await opened.json()).resources]).toEqual([200, []]);
  }
});
