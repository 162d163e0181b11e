// What each publishable package's tarball holds, checked as a registry user would get it:
// the licence, a README, a repository, no reference to a file the tarball lacks, and clean
// reports from publint and arethetypeswrong. New publishable packages are checked too.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishablePackages, run } from './support/workspace.js';

// This package's own dependencies, by path: publint's exports map hides its package.json.
const bin = (pkg: string, path: string) => fileURLToPath(new URL(`../node_modules/${pkg}/${path}`, import.meta.url));

const tarballs = inject('tarballs');

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)));
}

// turbo builds a package before this suite, and reruns the suite when it changes, only if it
// is one of this package's dependencies: otherwise its tarball may be packed from a stale or
// missing dist/, and a cached result replayed after it changed.
it('depends on every package it packs, so each is built before it is packed', async () => {
  const own = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));
  const depended = new Set(Object.keys({ ...own.dependencies, ...own.devDependencies }));
  expect(publishablePackages().filter((p) => !depended.has(p.name))).toEqual([]);
});

describe.each(Object.entries(tarballs))('%s', (name, tarball) => {
  let unpacked: string;
  let files: string[];
  beforeAll(async () => {
    unpacked = await mkdtemp(join(tmpdir(), 'cloud-release-unpacked-'));
    await run('tar', ['-xzf', tarball, '-C', unpacked]);
    unpacked = join(unpacked, 'package');
    files = await filesUnder(unpacked);
  });
  afterAll(async () => {
    if (unpacked) await rm(dirname(unpacked), { recursive: true, force: true });
  });

  it('ships the Apache-2.0 licence, a README and its repository', async () => {
    expect(await readFile(join(unpacked, 'LICENSE'), 'utf8')).toContain(
      'Apache License\n                           Version 2.0',
    );
    expect(files).toContain('README.md');
    expect((await readFile(join(unpacked, 'README.md'), 'utf8')).length).toBeGreaterThan(200);
    const manifest = JSON.parse(await readFile(join(unpacked, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      name,
      license: 'Apache-2.0',
      repository: { type: 'git', url: expect.stringMatching(/^git\+https:\/\//), directory: expect.any(String) },
    });
    expect(JSON.stringify(manifest)).not.toContain('workspace:');
  });

  it('references no file that is not in the tarball (source maps, declaration maps)', async () => {
    const missing: string[] = [];
    for (const file of files.filter((f) => /\.(c|m)?js$|\.d\.(c|m)?ts$/.test(f))) {
      const source = await readFile(join(unpacked, file), 'utf8');
      for (const [, target] of source.matchAll(/[#@] sourceMappingURL=(\S+)/g)) {
        if (target?.startsWith('data:')) continue;
        const path = relative(unpacked, resolve(dirname(join(unpacked, file)), target ?? ''));
        if (!files.includes(path)) missing.push(`${file} -> ${path}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('is clean under publint (strict: warnings and suggestions fail)', async () => {
    const { stdout } = await run(process.execPath, [bin('publint', 'src/cli.js'), 'run', '--strict', tarball]);
    expect(stdout).toContain('All good!');
  });

  it('resolves with types under node16 (ESM and CJS) and bundlers, per arethetypeswrong', async () => {
    // cjs-resolves-to-esm: attw still flags require() of an ES module, which Node >= 20.19 and
    // TypeScript >= 5.8 (NodeNext) both support; commonjs-consumer.test.ts proves it works.
    const attw = run(process.execPath, [
      bin('@arethetypeswrong/cli', 'dist/index.js'),
      tarball,
      '--profile',
      'node16',
      '--ignore-rules',
      'cjs-resolves-to-esm',
      '--format',
      'ascii',
    ]);
    // attw exits non-zero on any problem not ignored; its report is the failure message.
    await expect(
      attw.catch((error: { stdout?: string }) => Promise.reject(new Error(error.stdout))),
    ).resolves.toBeDefined();
  });
});
