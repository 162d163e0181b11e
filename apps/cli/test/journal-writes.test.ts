// Journal writes are checked, on a real full disk: a small tmpfs filled to leave a few bytes.
// A line that cannot be written whole (a short write, then ENOSPC) stops the run before its
// next request, prints one line saying what is recorded and what is not, and exits 73; a batch
// is reported only once its outcome line is whole on disk; a resume once there is room settles
// everything, reporting nothing as "not released" that was. Skipped, saying why, where tmpfs
// cannot be mounted (it needs root).
import { execFileSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmdirSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StatefulMock, startMock } from '@cloud-release/mock';
import { afterEach, expect, it, type TestContext } from 'vitest';
import { runMain, SECRETS } from './support/harness.js';

const mounts: string[] = [];
const mocks: StatefulMock[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
  // Lazily (-l): a file a failed run left open must not keep the mount behind.
  for (const dir of mounts.splice(0)) {
    execFileSync('umount', ['-l', dir]);
    rmdirSync(dir);
  }
});

/** A 64 KiB tmpfs with `free` bytes left, or a skip naming why there is none. */
function fullDisk(ctx: TestContext, free: number): { dir: string; filler: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-release-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmdirSync(dir);
    ctx.skip(`a tmpfs cannot be mounted here (mount needs root): ${(error as Error).message.split('\n')[0]}`);
  }
  mounts.push(dir);
  const filler = join(dir, 'filler');
  const stat = statfsSync(dir);
  writeFileSync(filler, Buffer.alloc(stat.bavail * stat.bsize - free));
  const left = statfsSync(dir);
  expect(left.bavail * left.bsize).toBe(free);
  return { dir, filler };
}

async function mock() {
  const m = await startMock({
    api: 'zenlayer',
    mode: 'stateful',
    credentials: { [SECRETS.ZENLAYER_ACCESS_KEY_ID]: SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD },
  });
  mocks.push(m);
  return m;
}

/** The files this process has open. */
const openFiles = () =>
  readdirSync('/proc/self/fd').map((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`);
    } catch {
      return '';
    }
  });

/** The journal's whole lines, parsed (a torn one is left out, as --resume leaves it). */
function wholeLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .flatMap((line) => {
      try {
        return [JSON.parse(line)];
      } catch {
        return [];
      }
    });
}

// Ids of 10 characters: the run line takes ~3.4 KB, a batch's "sending" line ~1.3 KB, so with
// 4 KiB free the first "sending" line is torn, and with 8 KiB free the first outcome line.
const ids = Array.from({ length: 250 }, (_, i) => `i-${String(i).padStart(8, '0')}`);

it.for([4096, 8192])(
  'with %i bytes free: exit 73 and one line; nothing sent or reported that is not whole on disk; a resume settles it',
  async (free, ctx) => {
    const { dir, filler } = fullDisk(ctx, free);
    const m = await mock();
    const path = join(dir, 'j.jsonl');
    const r = await runMain(['release-instances', ...ids, '--endpoint', m.url, '--yes', '--journal', path]);
    expect(r.code).toBe(73);
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([
      expect.stringMatching(
        /^error: journal .* line could not be written \((ENOSPC|short-write); \d+ of \d+ bytes on disk\); it records /,
      ),
    ]);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const lines = wholeLines(path);
    const sending = new Set(lines.filter((l) => l.event === 'sending').flatMap((l) => l.ids as string[]));
    const sent = m.requests().filter((q) => q.operation === 'ReleaseInstances');
    // Every request that left has its "sending" line whole on disk.
    for (const q of sent) for (const id of q.ids) expect(sending.has(id)).toBe(true);
    // Every batch reported has its outcome line whole on disk.
    const recorded = lines.filter((l) => l.event === 'outcome').map((l) => (l.ids as string[])[0]);
    for (const line of r.stderr.split('\n').filter((l) => l.startsWith('batch '))) {
      const n = Number(line.match(/^batch (\d+)\//)![1]);
      expect(recorded).toContain(ids[(n - 1) * 100]);
    }
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(openFiles()).not.toContain(path); // closed, failure or not

    // Room again: the resume reads what was left unknown and finishes; nothing is "not released".
    rmSync(filler);
    const resumed = await runMain(['release-instances', '--resume', path, '--endpoint', m.url, '--yes', '--json']);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ ok: true });
    expect(m.requests().filter((q) => q.status === 404)).toEqual([]);
    const released = new Set(
      m
        .requests()
        .filter((q) => q.operation === 'ReleaseInstances' && q.status === 200)
        .flatMap((q) => q.ids),
    );
    expect(released.size).toBe(250);
  },
);

it('with no byte free: the run line fails, exit 73, one line, nothing sent', async (ctx) => {
  const { dir } = fullDisk(ctx, 0);
  const m = await mock();
  const path = join(dir, 'j.jsonl');
  const r = await runMain(['release-instances', ...ids, '--endpoint', m.url, '--yes', '--journal', path]);
  expect(r.code).toBe(73);
  const [line, ...more] = r.stderr.split('\n').filter((l) => l.startsWith('error: '));
  expect(more).toEqual([]);
  expect(line?.replace(/\d+ bytes/, 'N bytes')).toBe(
    `error: journal ${path}: its "run" line could not be written (ENOSPC; 0 of N bytes on disk); nothing was sent.`,
  );
  expect(m.requests()).toEqual([]);
  // With --json: the same facts on stdout.
  const json = await runMain(['release-instances', ...ids, '--endpoint', m.url, '--yes', '--json', '--journal', path]);
  expect(json.code).toBe(73);
  expect(JSON.parse(json.stdout)).toMatchObject({
    ok: false,
    accepted: 0,
    notSent: 250,
    error: { name: 'JournalWriteError', event: 'run', code: 'ENOSPC', written: 0 },
  });
  expect(m.requests()).toEqual([]);
});
