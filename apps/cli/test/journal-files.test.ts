// The journal file as a user meets it: where it is written, what --journal and --resume say of
// a file they cannot use, and which ids a resumed run sends for each line a journal may hold.
import {
  linkSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectResumeRefused, release, resume } from './support/release-runs.js';
import { ACCOUNT, instancesServer, journalLines, many, runFixture, writeJournal } from './support/zenlayer.js';

const { dir, servers } = runFixture('journal-files');

describe('files --journal and --resume cannot use: exit 2, one line naming the file, nothing sent', () => {
  it('--journal in a directory that does not exist', async () => {
    const s = await instancesServer(servers);
    const path = join(dir, 'missing', 'j.jsonl');
    const r = await release(s, ['vm-1', '--journal', path]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: --journal ${path}: ENOENT\n`);
    expect(s.requests).toEqual([]);
  });

  it.each([
    ['a file that does not exist', undefined, 'ENOENT'],
    [
      'a file whose first line is not JSON',
      'release vm-1\n{"event":"run"}\n',
      'not a cloud-release journal (line 1 is not JSON)',
    ],
    ['a file of blank lines only', '\n \n', 'not a cloud-release journal (no "run" line)'],
  ])('--resume of %s', async (_, text, reason) => {
    const s = await instancesServer(servers);
    const path = join(dir, `bad-${reason.length}.jsonl`);
    if (text !== undefined) writeFileSync(path, text);
    await expectResumeRefused(s, path, reason);
  });
});

describe('a --journal that is not a file of its own: refused, exit 2, nothing written or sent', () => {
  it('a symbolic link (to a copy of /etc/passwd): the target is untouched', async () => {
    const s = await instancesServer(servers);
    const target = join(dir, 'passwd');
    writeFileSync(target, 'root:x:0:0:root:/root:/bin/bash\n');
    const link = join(dir, 'link.jsonl');
    symlinkSync(target, link);
    const r = await release(s, ['vm-1', '--journal', link]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --journal ${link}: a symbolic link; a journal is never read or written through one\n`,
    );
    expect(readFileSync(target, 'utf8')).toBe('root:x:0:0:root:/root:/bin/bash\n');
    expect(s.requests).toEqual([]);
    // Nor is a link resumed (it would be appended to).
    const resumed = await resume(link, s.url);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toContain('a symbolic link');
  });

  it.each([
    ['the same path', (ids: string) => ids],
    [
      'a hard link to it',
      (ids: string) => {
        linkSync(ids, `${ids}.hard`);
        return `${ids}.hard`;
      },
    ],
  ])('the --ids-file, by %s: the ids file is untouched', async (how, journalOf) => {
    const s = await instancesServer(servers);
    const ids = join(dir, `ids-${how.length}.txt`);
    writeFileSync(ids, 'vm-1\nvm-2\n');
    const journal = journalOf(ids);
    const r = await release(s, ['--ids-file', ids, '--journal', journal]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: --journal ${journal} is the --ids-file: the journal needs a file of its own\n`);
    expect(readFileSync(ids, 'utf8')).toBe('vm-1\nvm-2\n');
    expect(s.requests).toEqual([]);
  });

  it('is created with mode 0600', async () => {
    const s = await instancesServer(servers);
    const path = join(dir, 'mode.jsonl');
    expect((await release(s, ['vm-1', '--journal', path])).code).toBe(0);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('what --resume sends', () => {
  it('a journal with CRLF line ends and a blank first line reads as it was written', async () => {
    const s = await instancesServer(servers);
    const path = join(dir, 'crlf.jsonl');
    writeJournal(path, { endpoint: s.url, ids: ['w-1', 'w-2'] }, { event: 'sending', batch: 0, ids: ['w-1'] });
    writeFileSync(path, `\r\n${readFileSync(path, 'utf8').replaceAll('\n', '\r\n')}`);
    const r = await resume(path, s.url);
    expect(r.code).toBe(0);
    expect(s.batches()).toEqual([['w-1'], ['w-2']]);
  });

  it('an id once recorded as accepted is never sent again, whatever later lines of a reused journal say', async () => {
    const s = await instancesServer(servers);
    const path = join(dir, 'reused.jsonl');
    const ids = ['a-1', 'a-2', 'a-3'];
    writeJournal(
      path,
      { endpoint: s.url, ids },
      { event: 'sending', batch: 0, ids: ['a-1', 'a-2'] },
      { event: 'outcome', batch: 0, ids: ['a-1', 'a-2'], outcome: 'accepted', requestId: 'T-0' },
      // A second run with the same --journal: its "run" line is not the journal's, and it sent
      // a-1 again (no outcome: a crash) and had a-2 refused.
      { event: 'run', format: 1, endpoint: s.url, account: ACCOUNT, ignoreMissing: false, ids: ['a-1', 'a-2'] },
      { event: 'sending', batch: 0, ids: ['a-1'] },
      { event: 'outcome', batch: 1, ids: ['a-2'], outcome: 'refused', code: 'X' },
    );
    const r = await resume(path, s.url);
    expect(r.code).toBe(0);
    expect(s.batches()).toEqual([['a-3']]);
    expect(r.stdout).toContain('2 instances accepted earlier, as the journal records.');
  });

  it('ids whose outcome is unknown are read first: found gone, they count as released and nothing is sent', async () => {
    const ids = ['u-1', 'u-2'];
    const s = await instancesServer(servers, { gone: ids });
    const path = join(dir, 'unknown.jsonl');
    writeJournal(
      path,
      { endpoint: s.url, ids },
      { event: 'sending', batch: 0, ids },
      { event: 'outcome', batch: 0, ids, outcome: 'unknown', error: 'aborted in flight' },
    );
    const r = await resume(path, s.url);
    expect(r.code).toBe(0);
    expect(s.reads()).toEqual([ids]);
    expect(s.batches()).toEqual([]);
    expect(r.stdout).toContain('2 instances with an unknown outcome found released by a read.');
    expect(journalLines(path).find((l) => l.event === 'resume')).toMatchObject({ ids, unknown: ids });
    expect(journalLines(path).find((l) => l.event === 'resolved')).toMatchObject({
      command: 'release-instances',
      action: 'DescribeInstances',
      ids,
      found: 'released',
      status: null,
    });
  });
});

describe('the journal file', () => {
  it('starts with the run: the command, the endpoint, --ignore-missing and every id; --resume keeps --ignore-missing', async () => {
    const rules = { refuse: ['g-2'], gone: [] as string[] };
    const s = await instancesServer(servers, rules);
    const path = join(dir, 'ignore-missing.jsonl');
    const r = await release(s, ['g-1', 'g-2', '--ignore-missing', '--journal', path]);
    expect(r.code).toBe(1);
    expect(journalLines(path)[0]).toEqual({
      time: expect.any(String),
      event: 'run',
      command: 'release-instances',
      format: 1,
      endpoint: s.url,
      account: ACCOUNT,
      ignoreMissing: true,
      ids: ['g-1', 'g-2'],
    });
    // g-2 left the recycle bin for good since: the resumed run, with --ignore-missing from the
    // journal, finds it gone and releases g-1.
    rules.refuse = [];
    rules.gone = ['g-2'];
    const resumed = await resume(path, s.url);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(
      'Release of 2 instances done in 2 requests: 1 accepted (it completes asynchronously), 1 already gone.',
    );
    expect(s.batches().slice(1)).toEqual([['g-1', 'g-2'], ['g-1'], ['g-2']]);
  });

  it('is closed when the run ends', async () => {
    const s = await instancesServer(servers);
    const path = join(dir, 'closed.jsonl');
    const r = await release(s, ['c-1', '--journal', path]);
    expect(r.code).toBe(0);
    const open = readdirSync('/proc/self/fd').map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    });
    expect(open).not.toContain(path);
  });

  it('a run of over 100 ids without --journal writes one named by its start time in the working directory', async () => {
    const s = await instancesServer(servers);
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const r = await release(s, many(101, 'd'), { cwd });
    expect(r.code).toBe(0);
    const files = readdirSync(cwd);
    expect(files).toEqual([
      expect.stringMatching(/^cloud-release-journal-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z\.jsonl$/),
    ]);
    expect(r.stderr).toContain(`Journal: ${join(cwd, files[0]!)}`);
  });

  it('a run of 100 ids without --journal writes none', async () => {
    const s = await instancesServer(servers);
    const cwd = mkdtempSync(join(dir, 'cwd-'));
    const r = await release(s, many(100, 'e'), { cwd });
    expect(r.code).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(r.stderr).not.toContain('Journal:');
  });
});
