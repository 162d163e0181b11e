// `cloud-release-mock --help` and a bad flag answer before the engine loads (it is one dynamic
// import away): a resolve hook refuses whatever the CLI's entry imports besides Node's built-ins.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const node = process.env.CLOUD_RELEASE_TEST_NODE || process.execPath;
const HOOKS = `export async function resolve(specifier, context, next) {
  if (context.parentURL?.endsWith('/dist/cli.js') && !specifier.startsWith('node:'))
    throw new Error('the engine was loaded: ' + specifier);
  return next(specifier, context);
}
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mock-cli-hooks-'));
  await writeFile(join(dir, 'hooks.mjs'), HOOKS);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The CLI with the engine out of reach: its exit code and everything it printed. */
const withoutEngine = (args: string[]) => {
  const register = `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});`;
  return new Promise<{ code: number; output: string }>((resolve) =>
    execFile(
      node,
      ['--import', `data:text/javascript,${encodeURIComponent(register)}`, cli, ...args],
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, output: stdout + stderr }),
    ),
  );
};

it('--help prints the usage and exits 0', async () => {
  const { code, output } = await withoutEngine(['--help']);
  expect(code).toBe(0);
  expect(output).toMatch(/^Usage: cloud-release-mock /);
});

it('a bad flag value is refused with exit 2', async () => {
  expect(await withoutEngine(['--neutron-port', 'x'])).toMatchObject({ code: 2 });
  expect(await withoutEngine(['--transition-ms', '5', '--stateful', '--no-such-flag'])).toMatchObject({ code: 2 });
});

it('good flags need the engine: the hook stops them', async () => {
  const { code, output } = await withoutEngine(['--zenlayer-port', '0', '--neutron-port', '0']);
  expect(code).toBe(1);
  expect(output).toContain('the engine was loaded');
});
