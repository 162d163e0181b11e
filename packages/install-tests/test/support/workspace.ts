// The workspace's publishable packages (every package under packages/ and apps/ that is not
// private), so a package made publishable is packed and checked without editing this suite.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const run = promisify(execFile);
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export interface Publishable {
  name: string;
  dir: string;
  manifest: Record<string, unknown>;
}

export function publishablePackages(): Publishable[] {
  return ['packages', 'apps'].flatMap((group) =>
    readdirSync(join(repoRoot, group), { withFileTypes: true }).flatMap((entry) => {
      if (!entry.isDirectory()) return [];
      const dir = join(repoRoot, group, entry.name);
      let manifest: Record<string, unknown>;
      try {
        manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      } catch {
        return [];
      }
      return manifest.private ? [] : [{ name: String(manifest.name), dir, manifest }];
    }),
  );
}

/** The pnpm that runs this suite (npm_execpath), so the same pinned version packs and installs. */
export const pnpm = (args: string[], cwd: string, timeout = 0) => {
  const execPath = process.env.npm_execpath ?? '';
  // npm's pack would leave workspace: ranges in the manifests: only pnpm packs as a publish does.
  if (!/pnpm/.test(execPath)) throw new Error(`install-tests: run through pnpm (npm_execpath is "${execPath}")`);
  return run(process.execPath, [execPath, ...args], {
    cwd,
    env: { ...process.env, CI: 'true' },
    maxBuffer: 16 * 1024 * 1024,
    timeout,
  });
};
