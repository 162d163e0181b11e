// Packs every publishable package once, with the pinned pnpm (which rewrites workspace:
// ranges as a publish would), installs them once in a shared ESM project outside the repo, and
// hands the tarballs' paths and that project to every test file.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createConsumer, SHARED_DEPENDENCIES } from './consumer.js';
import { pnpm, publishablePackages, repoRoot } from './workspace.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** package name → absolute path of its packed tarball */
    tarballs: Record<string, string>;
    /** A `"type": "module"` project with every tarball and SHARED_DEPENDENCIES installed. */
    sharedConsumer: string;
  }
}

export default async function setup(project: TestProject) {
  const packs = await mkdtemp(join(tmpdir(), 'cloud-release-packs-'));
  // One pnpm for every package (`-r` with a filter each): a pnpm per package cost a second of
  // CPU each just to start.
  const names = publishablePackages().map((p) => p.name);
  const { stdout } = await pnpm(
    ['-r', ...names.flatMap((name) => ['--filter', name]), 'pack', '--pack-destination', packs, '--json'],
    repoRoot,
  );
  const packed = JSON.parse(stdout) as { name: string; filename: string }[];
  const tarballs: Record<string, string> = {};
  for (const name of names) {
    const file = packed.find((p) => p.name === name)?.filename;
    if (!file) throw new Error(`install-tests: pnpm pack wrote no tarball for ${name}`);
    tarballs[name] = file;
  }
  project.provide('tarballs', tarballs);
  const shared = await createConsumer(
    { name: 'esm-consumer', private: true, type: 'module' },
    tarballs,
    [],
    SHARED_DEPENDENCIES,
  );
  project.provide('sharedConsumer', shared.dir);
  return async () => {
    await shared.remove();
    await rm(packs, { recursive: true, force: true });
  };
}
