// `pnpm docs` as a user types it, with the pinned pnpm through npx, in a throwaway project that
// depends on this package as the repository does, so pnpm itself writes node_modules/.bin/npm.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const packageDir = resolve(here, '..');
const { packageManager } = JSON.parse(readFileSync(resolve(here, '../../../package.json'), 'utf8')) as {
  packageManager: string;
};

let project: string;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'docs-command-'));
  const manifest = {
    name: 'docs-command-probe',
    version: '1.0.0',
    private: true,
    packageManager,
    devDependencies: { '@cloud-release/docs-command': `link:${packageDir}` },
    scripts: {
      docs: `node -e "require('fs').writeFileSync('built.txt', 'built')"`,
      'npm-version': 'npm --version',
    },
  };
  writeFileSync(join(project, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const install = pnpm('install', '--offline');
  if (install.status !== 0) throw new Error(`pnpm install failed: ${install.stderr}${install.stdout}`);
  // What pnpm wrote is a shell wrapper that execs node on bin/npm.mjs, not a symlink.
  expect(readFileSync(join(project, 'node_modules', '.bin', 'npm'), 'utf8')).toContain('docs-command/bin/npm.mjs');
}, 60_000);

afterAll(() => {
  rmSync(project, { recursive: true, force: true });
});

function pnpm(...args: string[]) {
  const result = spawnSync('npx', ['--yes', packageManager, ...args], {
    cwd: project,
    encoding: 'utf8',
    timeout: 50_000,
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('pnpm docs with the pinned pnpm', () => {
  it('runs the project’s docs script, not npm’s `npm docs`', () => {
    rmSync(join(project, 'built.txt'), { force: true });
    const run = pnpm('docs');
    expect(run.stderr).not.toMatch(/xdg-open|npmjs\.com/);
    expect(run.status).toBe(0);
    expect(readFileSync(join(project, 'built.txt'), 'utf8')).toBe('built');
  });

  it('fails as the docs script fails', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    const original = manifest.scripts.docs;
    manifest.scripts.docs = 'node -e "process.exit(3)"';
    writeFileSync(join(project, 'package.json'), JSON.stringify(manifest));
    try {
      expect(pnpm('docs').status).not.toBe(0);
    } finally {
      manifest.scripts.docs = original;
      writeFileSync(join(project, 'package.json'), JSON.stringify(manifest));
    }
  });

  it('leaves `pnpm docs <package>` to npm', () => {
    rmSync(join(project, 'built.txt'), { force: true });
    // `.` is the project itself: npm answers from the local manifest, no registry call.
    const run = pnpm('docs', '.', '--browser=false');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('https://www.npmjs.com/package/docs-command-probe');
    expect(existsSync(join(project, 'built.txt'))).toBe(false);
  });

  it('leaves npm inside scripts to the real npm', () => {
    const real = spawnSync('npm', ['--version'], { encoding: 'utf8' }).stdout.trim();
    const run = pnpm('run', '--silent', 'npm-version');
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe(real);
  });
});
