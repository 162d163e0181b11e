// The packages as a user gets them: `pnpm pack`, installed in a project outside the repo,
// imported as ESM, type-checked, and the README's calls run against the packed mock.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const run = promisify(execFile);
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
const fixture = fileURLToPath(new URL('./fixture/', import.meta.url));
// The pnpm that runs this test (npm_execpath), so the same pinned version packs and installs.
const pnpm = (args: string[], cwd: string) =>
  run(process.execPath, [process.env.npm_execpath!, ...args], { cwd, env: { ...process.env, CI: 'true' } });

let project: string;
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'cloud-release-consumer-'));
  const tarballs: Record<string, string> = {};
  for (const dir of ['client', 'client-typescript-fetch', 'mock']) {
    await pnpm(['pack', '--pack-destination', project], join(packagesDir, dir));
  }
  for (const file of await readdir(project)) {
    const name = /^cloud-release-(.+)-\d+\.\d+\.\d+\.tgz$/.exec(file)?.[1];
    if (name) tarballs[`@cloud-release/${name}`] = `file:./${file}`;
  }
  expect(Object.keys(tarballs).sort()).toEqual([
    '@cloud-release/client',
    '@cloud-release/client-typescript-fetch',
    '@cloud-release/mock',
  ]);
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      dependencies: { ...tarballs, typescript: '5.9.3', '@types/node': '20.19.43' },
    }),
  );
  for (const file of ['consumer.mjs', 'consumer.ts', 'tsconfig.json'])
    await copyFile(join(fixture, file), join(project, file));
  await pnpm(['install', '--no-frozen-lockfile', '--prefer-offline'], project);
});
afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

it('runs the README calls from the installed tarballs against the packed mock and a capture server', async () => {
  const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: project });
  expect(JSON.parse(stdout)).toEqual({
    batches: 2,
    disk: 'T52617F2F-33A3-42EF-B353-CC44271C89E4',
    port: 'T3811A0E7-C250-40A2-96AD-08AD759E1BC2',
    gone: true,
    failure: 'INVALID_DISK_NOT_FOUND',
    deleted: true,
    generated: 'T52617F2F-33A3-42EF-B353-CC44271C89E4',
    capture: {
      result: 'T-CAPTURED',
      seen: [['POST', '/api/v2/vm', 'ReleaseInstances', true, '{"instanceIds":["i-a","i-b"]}']],
    },
  });
});

it('type-checks against the installed declarations under strict NodeNext', async () => {
  await expect(
    run(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: project }),
  ).resolves.toBeDefined();
});
