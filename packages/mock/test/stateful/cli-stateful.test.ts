// `cloud-release-mock --stateful --seed <file>`: both mocks keep state, seeded from one file.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it, vi } from 'vitest';

// Each test starts the CLI, a process that loads the whole mock before it parses a flag: on a
// loaded 2-core machine (a cold `pnpm test` runs every package at once) that alone can pass the
// config's 15 s, so these tests have cli.test.ts's bound for a spawned mock.
vi.setConfig({ testTimeout: 90_000 });

const cli = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((f) => f()));
});

function run(args: string[]) {
  const child = spawn(process.execPath, [cli, '--zenlayer-port', '0', '--neutron-port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanup.push(async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  // Settles on the banner, on exit, or after a generous bound (loaded CI machines); a test that
  // never awaits it (the child is expected to exit) must not leave an unhandled rejection.
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 60 s: ${out}`)), 60_000);
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited before ready: ${out}`));
    });
    child.stdout.on('data', () => {
      if (out.includes('Neutron mock:')) {
        clearTimeout(timer);
        resolve(out);
      }
    });
  });
  ready.catch(() => {});
  return { ready, exited, output: () => out };
}

it('serves the seeded inventory and its control plane on both ports', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cli-seed-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const seed = join(dir, 'seed.json');
  await writeFile(
    seed,
    JSON.stringify({
      zenlayer: { resources: [{ type: 'disk', id: 'd-1', status: 'RECYCLED' }] },
      neutron: { resources: [{ id: '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11', device_owner: 'network:router_gateway' }] },
    }),
  );
  const { ready } = run(['--stateful', '--seed', seed, '--strict', '--quiet']);
  const banner = await ready;
  const zenlayer = /Zenlayer mock: (\S+)/.exec(banner)![1]!;
  const neutron = /Neutron mock:\s+(\S+)/.exec(banner)![1]!;
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
  const dir = await mkdtemp(join(tmpdir(), 'cli-seed-'));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const seed = join(dir, 'seed.yaml');
  await writeFile(seed, 'zenlayer:\n  resources:\n    - { type: instance, id: i-1, status: GONE }\n');
  const { exited, output } = run(['--stateful', '--seed', seed]);
  expect(await exited).toBe(1);
  expect(output()).toMatch(/cannot start: The seed was refused whole .*resources\[0\]\.status must be one of/);
});

it('says --seed needs --stateful', async () => {
  const { exited, output } = run(['--seed', 'x.yaml']);
  expect(await exited).toBe(2);
  expect(output()).toContain('--seed, --strict, --transition-ms and --control-token need --stateful');
});

it('--control-token locks both control planes to that token', async () => {
  const { ready } = run(['--stateful', '--control-token', 'cli-control-token', '--quiet']);
  const banner = await ready;
  for (const url of [/Zenlayer mock: (\S+)/.exec(banner)![1]!, /Neutron mock:\s+(\S+)/.exec(banner)![1]!]) {
    expect((await fetch(`${url}/__mock/resources`)).status).toBe(401);
    const opened = await fetch(`${url}/__mock/resources`, { headers: { authorization: 'Bearer cli-control-token' } });
    expect([opened.status, (await opened.json()).resources]).toEqual([200, []]);
  }
});
