// The packages as a user gets them: `pnpm pack`, installed in a project outside the repo,
// imported as ESM, type-checked, and the README's calls run against the packed mock.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Consumer, folderInShared, TYPESCRIPT_5, tscDiagnostics } from './support/consumer.js';
import { declarationDiagnostics } from './support/declarations-check.js';
import { publishablePackages, run } from './support/workspace.js';

const fixture = (file: string) => fileURLToPath(new URL(`./fixture/${file}`, import.meta.url));
/** Zenlayer's request ids: T and an upper-case UUID. */
const REQUEST_ID = /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

let consumer: Consumer | undefined;
beforeAll(async () => {
  consumer = await folderInShared(
    inject('sharedConsumer'),
    'consumer',
    ['consumer.mjs', 'consumer.ts', 'release.test.ts', 'tsconfig.json'].map((file) => ({
      from: fixture(file),
      to: file,
    })),
  );
});
afterAll(async () => {
  await consumer?.remove();
});

it('packs the three libraries among the publishable packages', () => {
  expect(Object.keys(inject('tarballs'))).toEqual(
    expect.arrayContaining(['@cloud-release/client', '@cloud-release/client-typescript-fetch', '@cloud-release/mock']),
  );
});

it('runs the README calls from the installed tarballs against the packed mock and a capture server', async () => {
  const { stdout } = await run(process.execPath, ['consumer.mjs'], { cwd: consumer!.dir });
  expect(JSON.parse(stdout)).toEqual({
    batches: 2,
    disk: expect.stringMatching(REQUEST_ID), // a fresh id per answer, as the API gives
    port: expect.stringMatching(REQUEST_ID),
    gone: true,
    failure: 'INVALID_DISK_NOT_FOUND',
    deleted: true,
    generated: expect.stringMatching(REQUEST_ID),
    capture: {
      result: 'T-CAPTURED',
      seen: [['POST', '/api/v2/vm', 'ReleaseInstances', true, '{"instanceIds":["i-a","i-b"]}']],
    },
  });
});

it('type-checks against the installed declarations under strict NodeNext with TypeScript 7', async () => {
  expect(await tscDiagnostics(consumer!)).toBe('');
});

it('type-checks against the installed declarations under strict NodeNext with TypeScript 5.9', () => {
  expect(declarationDiagnostics(join(consumer!.modules, TYPESCRIPT_5), consumer!.dir)).toBe('');
});

it('imports every entry point the packed libraries export there, so each one is checked strictly', async () => {
  const source = await readFile(fixture('consumer.ts'), 'utf8');
  const entries = publishablePackages().flatMap(({ name, manifest }) =>
    Object.keys((manifest.exports as Record<string, unknown> | undefined) ?? {})
      .filter((entry) => entry !== './package.json')
      .map((entry) => name + entry.slice(1)),
  );
  expect(entries.length).toBeGreaterThanOrEqual(5);
  expect(entries.filter((entry) => !source.includes(`from '${entry}'`))).toEqual([]);
});

it("runs the README's complete vitest file (mock started, client released through it) in the consumer", async () => {
  // The consumer's own vitest, in a clean environment: not this run's workers.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('VITEST')));
  const { stdout } = await run(
    process.execPath,
    [join(consumer!.modules, 'vitest/vitest.mjs'), 'run', 'release.test.ts'],
    {
      cwd: consumer!.dir,
      env: { ...env, NO_COLOR: '1' },
    },
  );
  expect(stdout).toMatch(/Tests\s+2 passed \(2\)/);
});
