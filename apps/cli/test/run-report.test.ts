// What release-instances tells a user about a whole run: the summary of a success, the account
// of a failure (human and --json), the resume command, and the refusals of --resume itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './support/harness.js';
import { failedAccount, release, resume } from './support/release-runs.js';
import {
  type InstancesServer,
  instancesServer,
  journalLines,
  many,
  runFixture,
  writeJournal,
} from './support/zenlayer.js';

const { dir, servers, journalPath } = runFixture('run-report');
/** The server as the embedded mock: the run signs with the demo key and names no endpoint. */
const asEmbedded = (s: InstancesServer) => ({
  env: {},
  startEmbedded: async () => ({ url: s.url, close: async () => {} }),
});

describe('the summary of a success', () => {
  it('one line per request, then the journal', async () => {
    const s = await instancesServer(servers, { gone: ['h-100'] });
    const path = journalPath();
    const ids = [...many(101, 'h'), 'h-0'];
    const r = await runMain([
      'release-instances',
      ...ids,
      `--endpoint=${s.url}`,
      '--yes',
      '--ignore-missing',
      `--journal=${path}`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').sort()).toEqual(
      [
        'Release of 101 instances done in 2 requests: 100 accepted (it completes asynchronously), 1 already gone.',
        '  100 instances accepted: requestId T-1',
        '  1 instance already gone: requestId T-2',
        `Journal: ${path}`,
        '',
      ].sort(),
    );
    // h-0 twice on the command line is one id of the run.
    expect(journalLines(path)[0]).toMatchObject({ ids: many(101, 'h') });
    expect(journalLines(path).at(-1)).toEqual({
      time: expect.any(String),
      event: 'summary',
      command: 'release-instances',
      accepted: 101,
      refused: 0,
      unknown: 0,
      notSent: 0,
      interrupted: false,
    });
  });

  it('ten requests are listed; eleven are counted, with where to find them', async () => {
    const s = await instancesServer(servers);
    const ten = await release(s, many(1000, 't'), { cwd: dir });
    expect(ten.code).toBe(0);
    expect(ten.stdout.split('\n').filter((l) => l.startsWith('  100 instances accepted: requestId T-'))).toHaveLength(
      10,
    );
    const eleven = await release(s, many(1001, 'e'), { cwd: dir });
    expect(eleven.code).toBe(0);
    expect(eleven.stdout.split('\n').slice(0, 2)).toEqual([
      'Release of 1001 instances accepted in 11 requests; it completes asynchronously.',
      '  11 requestIds: see --json or the journal.',
    ]);
  });
});

describe('the account of a failure', () => {
  it('--json: the account and the error, the resume command; nothing on stderr but the journal', async () => {
    const s = await instancesServer(servers, { refuse: ['r-1'] });
    const path = journalPath();
    const r = await release(s, ['r-0', 'r-1', '--json', '--journal', path]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject(
      failedAccount({
        endpoint: s.url,
        total: 2,
        refused: 2,
        journal: path,
        resume: `cloud-release release-instances --resume ${path} --endpoint ${s.url}`,
        error: { name: 'ZenlayerBatchError', failed: [{ ids: ['r-0', 'r-1'] }] },
      }),
    );
    expect(r.stderr).toBe(`Journal: ${path}\n`);
  });

  it('without a journal: the account, and no journal or resume line', async () => {
    const s = await instancesServer(servers, { refuse: ['o-0'] });
    const r = await release(s, ['o-0']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe(
      'Not every instance was released: 0 of 1 instance accepted, 1 refused, 0 with an unknown outcome, 0 not sent.',
    );
    expect(r.stderr).not.toMatch(/^(Journal|Resume with):/m);
  });

  it('with a journal: the account ends with the journal and the resume command', async () => {
    const s = await instancesServer(servers, { refuse: ['o-0'] });
    const path = journalPath();
    const r = await release(s, ['o-0', '--journal', path]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n').slice(-3)).toEqual([
      'Not every instance was released: 0 of 1 instance accepted, 1 refused, 0 with an unknown outcome, 0 not sent.',
      `Journal: ${path}`,
      `Resume with: cloud-release release-instances --resume ${path} --endpoint ${s.url}`,
    ]);
  });

  it('the resume command quotes a path a shell would split', async () => {
    const s = await instancesServer(servers, { refuse: ['q-0'] });
    const path = journalPath("it's a run.jsonl");
    const r = await release(s, ['q-0', '--journal', path]);
    expect(r.code).toBe(1);
    const quoted = `'${path.replace("'", `'\\''`)}'`;
    expect(r.stderr.split('\n')).toContain(
      `Resume with: cloud-release release-instances --resume ${quoted} --endpoint ${s.url}`,
    );
    expect(r.stderr).not.toContain('Unknown means');
  });

  it('on the embedded mock: the journal names it, and the resume command has no --endpoint', async () => {
    const s = await instancesServer(servers, { refuse: ['v-1'] });
    const path = journalPath();
    const r = await runMain(['release-instances', 'v-0', 'v-1', '--yes', '--journal', path], asEmbedded(s));
    expect(r.code).toBe(1);
    expect(journalLines(path)[0]).toMatchObject({ endpoint: 'embedded-mock' });
    expect(r.stderr.split('\n')[0]).toBe(`Using the embedded zenlayer mock at ${s.url}: nothing real is released.`);
    expect(r.stderr.split('\n')).toContain(`Resume with: cloud-release release-instances --resume ${path}`);
    const elsewhere = await resume(path, s.url);
    expect(elsewhere.code).toBe(2);
    expect(elsewhere.stderr).toBe(
      `error: --resume ${path}: line 1: "endpoint" is embedded-mock, this run's is ${s.url}: resume with no --endpoint\n`,
    );
    const resumed = await runMain(['release-instances', '--resume', path, '--yes'], asEmbedded(s));
    expect(resumed.code).toBe(1); // v-1 is still refused
    expect(s.batches()).toEqual([
      ['v-0', 'v-1'],
      ['v-0', 'v-1'],
    ]);
  });
});

describe('--resume', () => {
  const journal = (s: InstancesServer, ids: string[]) => {
    const path = journalPath();
    writeJournal(path, { endpoint: s.url, ids });
    return path;
  };

  it.each([
    ['ids', ['vm-9']],
    ['--ids-file', ['--ids-file', '-']],
    ['--journal', ['--journal', 'other.jsonl']],
  ])('with %s is refused: one line and the hint, nothing sent', async (_, more) => {
    const s = await instancesServer(servers);
    const path = journal(s, ['w-0']);
    const r = await runMain(['release-instances', '--resume', path, ...more, '--endpoint', s.url, '--yes'], {
      stdin: '',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "error: --resume takes its ids from the journal and appends to it: no ids, --ids-file or --journal\nRun 'cloud-release release-instances --help' for usage.\n",
    );
    expect(s.requests).toEqual([]);
  });

  it('without --endpoint, of a journal written against one: names it', async () => {
    const s = await instancesServer(servers);
    const path = journal(s, ['w-0']);
    const r = await runMain(['release-instances', '--resume', path, '--yes'], asEmbedded(s));
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --resume ${path}: line 1: "endpoint" is ${s.url}, this run's is embedded-mock: resume with --endpoint ${s.url}\n`,
    );
    expect(s.requests).toEqual([]);
  });

  it('--endpoint with trailing slashes is the same endpoint', async () => {
    const s = await instancesServer(servers);
    const path = journal(s, ['w-0']);
    const r = await resume(path, `${s.url}//`);
    expect(r.code).toBe(0);
    expect(s.batches()).toEqual([['w-0']]);
  });

  it('--ignore-missing given to the resumed run applies to the rest of its ids', async () => {
    const s = await instancesServer(servers, { gone: ['w-1'] });
    const path = journal(s, ['w-0', 'w-1']);
    const r = await resume(path, s.url, '--ignore-missing');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 already gone');
  });

  it('without --ignore-missing on either run, a missing id of the rest is refused', async () => {
    const s = await instancesServer(servers, { gone: ['w-1'] });
    const path = journal(s, ['w-0', 'w-1']);
    const r = await resume(path, s.url);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('code INVALID_INSTANCE_NOT_FOUND');
    expect(s.batches()).toEqual([['w-0', 'w-1']]);
  });

  it('a refusal of --resume itself is JSON with --json', async () => {
    const s = await instancesServer(servers);
    const path = journal(s, ['w-0']);
    const r = await resume(path, s.url, 'vm-9', '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      error: {
        name: 'UsageError',
        message: '--resume takes its ids from the journal and appends to it: no ids, --ids-file or --journal',
      },
    });
  });

  it('the prompt names what it will send, and --dry-run shows each request and writes nothing', async () => {
    const s = await instancesServer(servers);
    const path = journalPath();
    writeJournal(
      path,
      { endpoint: s.url, ids: ['y-0', 'y-1', 'y-2'] },
      { event: 'sending', batch: 0, ids: ['y-0', 'y-1'] },
      { event: 'outcome', batch: 0, ids: ['y-0'], outcome: 'accepted' },
    );
    const before = readFileSync(path, 'utf8');
    const asked = await runMain(['release-instances', '--resume', path, '--endpoint', s.url]);
    expect(asked.code).toBe(2);
    expect(asked.stderr).toBe(
      'error: refusing to release 2 instances (y-1, y-2) without confirmation: stdin is not a terminal, so pass --yes\n',
    );
    const dry = await runMain(['release-instances', '--resume', path, '--endpoint', s.url, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    // y-1 was sent with no outcome: read first (DescribeInstances), then the releases.
    expect(JSON.parse(dry.stdout).requests.map((q: { body: string }) => JSON.parse(q.body).instanceIds)).toEqual([
      ['y-1'],
      ['y-1'],
      ['y-2'],
    ]);
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(s.requests).toEqual([]);
  });
});

it('a journal path given relative is resolved against the working directory', async () => {
  const s = await instancesServer(servers, { refuse: ['l-0'] });
  const r = await release(s, ['l-0', '--journal', 'rel.jsonl'], { cwd: dir });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(
    `Resume with: cloud-release release-instances --resume ${join(dir, 'rel.jsonl')} --endpoint`,
  );
  const resumed = await runMain(['release-instances', '--resume', 'rel.jsonl', '--endpoint', s.url, '--yes'], {
    cwd: dir,
  });
  expect(resumed.code).toBe(1);
  expect(s.batches()).toEqual([['l-0'], ['l-0']]);
});

it('--help names every option of release-instances and what it does', async () => {
  const r = await runMain(['release-instances', '--help']);
  expect(r.code).toBe(0);
  const help = r.stdout.replace(/\s+/g, ' ');
  for (const text of [
    'release Zenlayer VM instances (any number; sent in batches of 100)',
    'Arguments: ids instance ids',
    '--endpoint <url> Zenlayer API base URL (default: an embedded mock, nothing real is released)',
    '--ids-file <path> read ids from a file, one per line (# comments); - reads stdin',
    '--journal <path> append one JSON line per batch, on disk before it is reported',
    '--resume <journal> read what the journal left unknown, then send only what is not released',
    'inventory: vm-1 in the recycle bin: released',
  ])
    expect(help).toContain(text);
});
