// What each publishable package's tarball holds, checked as a registry user would get it:
// the licence, a README, a repository, no reference to a file the tarball lacks, and clean
// reports from publint and arethetypeswrong. New publishable packages are checked too.
// arethetypeswrong runs in this process (its core, which its CLI runs): it loads its own
// TypeScript once for every tarball, where a CLI process per tarball loaded it each time.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData, type Problem } from '@arethetypeswrong/core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { publishablePackages, run } from './support/workspace.js';

// This package's own dependencies, by path: publint's exports map hides its package.json.
const bin = (pkg: string, path: string) => fileURLToPath(new URL(`../node_modules/${pkg}/${path}`, import.meta.url));

const tarballs = inject('tarballs');

const counted = (problem: Problem) =>
  problem.kind !== 'CJSResolvesToESM' && !('resolutionKind' in problem && problem.resolutionKind === 'node10');
const described = (problem: Problem) =>
  [
    problem.kind,
    'entrypoint' in problem ? problem.entrypoint : '',
    'resolutionKind' in problem ? problem.resolutionKind : '',
  ]
    .filter(Boolean)
    .join(' ');

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
    const analysis = await checkPackage(createPackageFromTarballData(new Uint8Array(await readFile(tarball))));
    // As its CLI's `--profile node16 --ignore-rules cjs-resolves-to-esm` judges: node10 resolution
    // is not checked, and attw still flags require() of an ES module, which Node >= 20.19 and
    // TypeScript >= 5.8 (NodeNext) both support (commonjs-consumer.test.ts proves it works).
    // A package without types has nothing to resolve (the CLI's bin), as the CLI passes it.
    const problems = analysis.types ? analysis.problems.filter(counted).map(described) : [];
    expect(problems).toEqual([]);
  });
});
