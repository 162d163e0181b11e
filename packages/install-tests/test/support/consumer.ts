// A project outside the repository that depends on the packed tarballs, installed by pnpm.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pnpm, run } from './workspace.js';

const INSTALL_LIMIT_MS = 120_000;

export interface Consumer {
  dir: string;
  /** The node_modules its files resolve from (the project's own, or the shared project's). */
  modules: string;
  remove(): Promise<void>;
}

/** The folder TypeScript 5.9 is installed in, beside TypeScript 7's `typescript`. */
export const TYPESCRIPT_5 = 'typescript-5';

/**
 * What the shared ESM project (global-setup.ts installs it once) adds to the tarballs: the
 * compilers, the test runner and the MSW peer the README's examples and the consumers use.
 * TypeScript 7 is the compiler of every check; TypeScript 5.9 (the last with the JavaScript
 * compiler, still what many projects pin) checks the declarations once more (declarations-check.ts).
 */
export const SHARED_DEPENDENCIES = {
  typescript: '7.0.2',
  [TYPESCRIPT_5]: 'npm:typescript@5.9.3',
  '@types/node': '20.19.43',
  vitest: '4.1.12',
  msw: '2.15.0',
};

/** What TypeScript 7's `tsc -p tsconfig.json` prints in the consumer's folder: '' when it compiles. */
export const tscDiagnostics = (consumer: Consumer): Promise<string> =>
  run(process.execPath, [join(consumer.modules, 'typescript/bin/tsc'), '-p', 'tsconfig.json'], {
    cwd: consumer.dir,
  }).then(
    () => '',
    (error: { stdout?: string }) => error.stdout || String(error),
  );

/**
 * Creates the project from `manifest` plus a dependency on every tarball, and an override for
 * each, so a package that depends on another of ours gets the tarball, not the registry's.
 */
export async function createConsumer(
  manifest: Record<string, unknown>,
  tarballs: Record<string, string>,
  files: { from: string; to: string }[],
  extraDependencies: Record<string, string>,
): Promise<Consumer> {
  const dir = await mkdtemp(join(tmpdir(), 'cloud-release-consumer-'));
  const local = Object.fromEntries(Object.entries(tarballs).map(([name, path]) => [name, `file:${path}`]));
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify(
      { ...manifest, dependencies: { ...local, ...extraDependencies }, pnpm: { overrides: local } },
      null,
      2,
    ),
  );
  for (const { from, to } of files) await copyFile(from, join(dir, to));
  // Bounded, so a stalled fetch fails here, named, rather than as the test's timeout.
  await pnpm(['install', '--no-frozen-lockfile', '--prefer-offline'], dir, INSTALL_LIMIT_MS).catch((error: Error) => {
    throw new Error(
      `pnpm install in the consumer project did not finish within ${INSTALL_LIMIT_MS} ms: ${error.message}`,
    );
  });
  return { dir, modules: join(dir, 'node_modules'), remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * A folder of its own in the shared ESM project, holding `files`: its modules resolve the
 * project's node_modules as any nested folder's do, so no install is repeated per test file.
 * With a `manifest`, the folder is a package of its own (its "type" decides how Node and
 * TypeScript read its files).
 */
export async function folderInShared(
  shared: string,
  name: string,
  files: { from: string; to: string }[],
  manifest?: Record<string, unknown>,
): Promise<Consumer> {
  const dir = join(shared, name);
  await mkdir(dir);
  if (manifest) await writeFile(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  for (const { from, to } of files) await copyFile(from, join(dir, to));
  return { dir, modules: join(shared, 'node_modules'), remove: () => rm(dir, { recursive: true, force: true }) };
}
