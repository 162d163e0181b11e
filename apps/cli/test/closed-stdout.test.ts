// When stdout stops taking output: a reader that stops reading (`cloud-release --help | head -3`)
// is not a crash of ours; a stdout that fails (a full disk under `> out.json`) after a release
// was sent is one line on stderr and exit 74, never a stack trace that reads like a failed call.
import { spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Runs the built CLI with stdout on `stdout`; resolves with its exit code and stderr. */
function run(args: string[], stdout: 'pipe' | number, onStdout?: (child: ReturnType<typeof spawn>) => void) {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  onStdout?.(child);
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
}

it('exits 0 without a stack trace when stdout is closed after the first chunk', async () => {
  // A dry run of 5,000 ids prints 50 requests: far more than one chunk, so writes follow the close.
  const ids = Array.from({ length: 5000 }, (_, i) => `vm-${i}`);
  // Like `head -1`: read one chunk, then close the pipe while the CLI may still be writing.
  const { code, stderr } = await run(['release-instances', ...ids, '--dry-run'], 'pipe', (child) =>
    child.stdout!.once('data', () => child.stdout!.destroy()),
  );
  expect(stderr).not.toMatch(/EPIPE|Error:|\n\s+at /);
  expect(code).toBe(0);
});

it.each([
  ['--json', ['--json']],
  ['the summary line', []],
])(
  'a release whose %s cannot be written: one line on stderr, exit 74, and the journal keeps the record',
  async (_, extra) => {
    const dir = await mkdtemp(join(tmpdir(), 'cr-full-'));
    dirs.push(dir);
    const journal = join(dir, 'run.jsonl');
    // /dev/full takes the open and refuses every write with ENOSPC, as a full disk does.
    const full = openSync('/dev/full', 'w');
    const { code, stderr } = await run(['release-instances', 'vm-1', '--yes', '--journal', journal, ...extra], full);
    expect(stderr).not.toMatch(/\n\s+at |Unhandled/);
    expect(stderr).toContain(
      'cloud-release: stdout could not be written (ENOSPC): the output is incomplete, and a release may have been sent all the same',
    );
    expect(stderr.match(/could not be written/g)).toHaveLength(1);
    expect(code).toBe(74);
    const events = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.at(-1)).toMatchObject({ event: 'summary' });
    expect(events.find((e) => e.event === 'outcome')).toMatchObject({ ids: ['vm-1'], outcome: 'accepted' });
    expect(events.at(-1)).toMatchObject({ accepted: 1, refused: 0, unknown: 0, notSent: 0 });
  },
);
