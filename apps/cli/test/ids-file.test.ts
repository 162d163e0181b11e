// Which ids a run sends, from its arguments and --ids-file (a file, or - for stdin), and the
// one line a user gets when the list cannot be read or is empty.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runMain } from './support/harness.js';
import { instancesServer, runFixture } from './support/zenlayer.js';

const { dir, servers } = runFixture('ids-file');

const release = async (args: string[], stdin?: string) => {
  const s = await instancesServer(servers);
  const r = await runMain(['release-instances', ...args, '--endpoint', s.url, '--yes'], { stdin });
  return { ...r, sent: s.batches() };
};

it('the arguments first, then the file: CRLF line ends, indented comments and blanks skipped, a # inside an id kept', async () => {
  const file = join(dir, 'crlf.txt');
  writeFileSync(file, 'vm-2\r\n  # indented comment\r\n\r\n   \r\nvm#3\r\n');
  const r = await release(['vm-1', '--ids-file', file]);
  expect(r.code).toBe(0);
  expect(r.sent).toEqual([['vm-1', 'vm-2', 'vm#3']]);
});

it.each([
  [
    'a file that does not exist',
    ['--ids-file', join(dir, 'nope.txt')],
    undefined,
    `--ids-file ${join(dir, 'nope.txt')}: ENOENT`,
  ],
  ['a directory', ['--ids-file', dir], undefined, `--ids-file ${dir}: EISDIR`],
  ['stdin with only comments', ['--ids-file', '-'], '# none today\n\n', '--ids-file - lists no ids'],
])('%s: exit 2, one line, nothing sent', async (_, args, stdin, message) => {
  const r = await release(['vm-1', ...args], stdin);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: ${message}\n`);
  expect(r.sent).toEqual([]);
});

it('no ids at all: exit 2, the line and the hint, nothing sent', async () => {
  const r = await release([]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(
    "error: no ids: give them as arguments or with --ids-file <path|->\nRun 'cloud-release release-instances --help' for usage.\n",
  );
  expect(r.sent).toEqual([]);
});
