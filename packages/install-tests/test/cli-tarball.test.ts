// The CLI as a user installs it. Its tarball (with the client's and the mock's) is
// installed in a project outside the repo, and the installed bin is run.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Consumer, folderInShared } from './support/consumer.js';
import { run } from './support/workspace.js';

let consumer: Consumer | undefined;
let version: string;
beforeAll(async () => {
  consumer = await folderInShared(inject('sharedConsumer'), 'cli-user', []);
  version = /cloud-release-cli-(\d+\.\d+\.\d+)\.tgz$/.exec(inject('tarballs')['@cloud-release/cli'] ?? '')?.[1] ?? '';
});
afterAll(async () => {
  await consumer?.remove();
});

const cli = (args: string[]) =>
  run(join(consumer!.modules, '.bin/cloud-release'), args, {
    cwd: consumer!.dir,
    env: { PATH: process.env.PATH ?? '' },
  });

it('packs the CLI among the publishable packages', () => {
  expect(inject('tarballs')['@cloud-release/cli']).toMatch(/cloud-release-cli-\d+\.\d+\.\d+\.tgz$/);
});

it('--help prints the usage and exits 0', async () => {
  const { stdout } = await cli(['--help']);
  expect(stdout).toMatch(/^Usage: cloud-release /);
  expect(stdout).toContain('release-instances');
});

it('--version prints the package version', async () => {
  const { stdout } = await cli(['--version']);
  expect(stdout.trim()).toBe(version);
});

it('--dry-run --json prints the exact signed request, masked, and sends nothing', async () => {
  const { stdout } = await cli(['release-instances', 'vm-1', 'vm-2', '--dry-run', '--json']);
  const printed = JSON.parse(stdout);
  expect(printed).toMatchObject({ ok: true, dryRun: true });
  const [request] = printed.requests;
  expect(request).toMatchObject({ method: 'POST', body: '{"instanceIds":["vm-1","vm-2"]}' });
  expect(request.url).toMatch(/\/api\/v2\/vm$/);
  expect(request.headers['x-zc-action']).toBe('ReleaseInstances');
  expect(request.headers.authorization).toMatch(/Signature=\*\*\*$/);
});
