// No README code can rot. Every ```ts block of the root README and of each package's
// README becomes a module of a project made from the tarballs, and tsc checks them all under
// strict NodeNext; a failure names the README and the line the block starts on.
import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type Consumer, folderInShared, tscDiagnostics } from './support/consumer.js';
import { repoRoot } from './support/workspace.js';

interface Block {
  readme: string;
  line: number;
  code: string;
}

function blocksOf(readme: string): Block[] {
  const lines = readFileSync(readme, 'utf8').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```ts') continue;
    const end = lines.indexOf('```', i + 1);
    blocks.push({ readme: relative(repoRoot, readme), line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

const readmes = [
  join(repoRoot, 'README.md'),
  ...['packages', 'apps'].flatMap((group) =>
    readdirSync(join(repoRoot, group), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => join(repoRoot, group, entry.name, 'README.md'))
      .filter((file) => {
        try {
          return readFileSync(file, 'utf8').length > 0;
        } catch {
          return false;
        }
      }),
  ),
];
const blocks = readmes.flatMap(blocksOf);
const fixture = (file: string) => fileURLToPath(new URL(`./fixture/readme/${file}`, import.meta.url));
const moduleName = (b: Block) => `${b.readme.replace(/[^a-zA-Z0-9]+/g, '_')}_line_${b.line}.ts`;

let consumer: Consumer | undefined;
beforeAll(async () => {
  // The shared project holds msw too: the peer @cloud-release/mock/msw's examples import.
  consumer = await folderInShared(
    inject('sharedConsumer'),
    'readme-blocks',
    ['tsconfig.json', 'placeholders.d.ts'].map((file) => ({ from: fixture(file), to: file })),
  );
  // `export {}` keeps each block a module of its own (top-level await, no shared names).
  for (const block of blocks) await writeFile(join(consumer.dir, moduleName(block)), `${block.code}\nexport {};\n`);
});
afterAll(async () => {
  await consumer?.remove();
});

it('finds the code blocks of the root README and of the packages', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(8);
  expect(new Set(blocks.map((b) => b.readme))).toEqual(
    new Set([
      'README.md',
      'packages/client/README.md',
      'packages/mock/README.md',
      'packages/client-typescript-fetch/README.md',
    ]),
  );
});

it('type-checks every block against the installed packages under strict NodeNext', async () => {
  const result = await tscDiagnostics(consumer!);
  // Name each failing block by its README and line, not by the generated file.
  const named = blocks.reduce((text, b) => text.replaceAll(moduleName(b), `${b.readme}:${b.line}`), result);
  expect(named).toBe('');
});
