// A journal is checked line by line before --resume believes any of it: each refusal names the
// line and the field, exits 2 and sends nothing, and never echoes a secret. The wording of
// these refusals is pinned here. A journal names its account, never a secret.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runMain, SECRETS } from './support/harness.js';
import { expectResumeRefused } from './support/release-runs.js';
import { ACCOUNT, instancesServer, journalLines, runFixture, writeJournal } from './support/zenlayer.js';

const { servers, journalPath } = runFixture('journal-format', ['hunter2', 'tok-secret-1', 'tok-secret-2']);

describe('a line that breaks the format: exit 2, the line and the field named, nothing sent', () => {
  it.each([
    [
      'another command',
      { command: 'release-disk' },
      [],
      'line 1: "command" must be "release-instances", the command resuming it (got "release-disk")',
    ],
    ['ids as a string', { ids: 'vm-1' }, [], 'line 1: "ids" must be an array of non-empty strings (got "vm-1")'],
    ['ids null', { ids: null }, [], 'line 1: "ids" must be an array of non-empty strings (got null)'],
    [
      'ids {length: 2}',
      { ids: { length: 2 } },
      [],
      'line 1: "ids" must be an array of non-empty strings (got an object)',
    ],
    ['an empty id', { ids: ['vm-1', ''] }, [], 'line 1: "ids" must be an array of non-empty strings (item 1 is "")'],
    [
      'a password in the endpoint',
      { endpoint: 'http://u:hunter2@10.0.0.1' },
      [],
      'line 1: "endpoint" must be a URL without credentials (got "http://***@10.0.0.1")',
    ],
    ['no account', { account: undefined }, [], 'line 1: "account" must be a string (got nothing)'],
    ['another format', { format: 2 }, [], 'line 1: "format" must be 1 (got number 2)'],
    [
      'an outcome out of its enum',
      {},
      [{ event: 'outcome', batch: 0, ids: ['vm-1'], outcome: 'released' }],
      'line 2: "outcome" must be one of accepted, refused, unknown, not-sent (got "released")',
    ],
    [
      'ids of a sending line as a string',
      {},
      [{ event: 'sending', batch: 0, ids: 'vm-1' }],
      'line 2: "ids" must be an array of non-empty strings (got "vm-1")',
    ],
    [
      'an id no run names',
      {},
      [{ event: 'sending', batch: 0, ids: ['disk-1'] }],
      'line 2: "ids" holds "disk-1", which no run line before it names',
    ],
    [
      'an unknown event',
      {},
      [{ event: 'deleted', ids: ['vm-1'] }],
      'line 2: "event" must be one of run, resume, sending, outcome, resolved, interrupted, summary (got "deleted")',
    ],
  ])('%s', async (_, run, events, reason) => {
    const s = await instancesServer(servers);
    const path = journalPath();
    writeJournal(path, { endpoint: s.url, ids: ['vm-1'], ...run } as never, ...events);
    await expectResumeRefused(s, path, reason);
  });
});

describe('the account', () => {
  it('is the access key id; a resume under another key is refused, naming the field', async () => {
    const s = await instancesServer(servers);
    const path = journalPath();
    writeJournal(path, { endpoint: s.url, ids: ['vm-1'], account: 'key:AK-OTHER' });
    await expectResumeRefused(
      s,
      path,
      `line 1: "account" is key:AK-OTHER, this run's is ${ACCOUNT}: resume with the credentials that wrote it`,
    );
  });

  it('of a bearer token is a SHA-256 prefix, never the token; another token is another account', async () => {
    const s = await instancesServer(servers, { refuse: ['vm-1'] });
    const path = journalPath();
    const env = (token: string) => ({ env: { ZENLAYER_BEARER_TOKEN: token } });
    const args = ['release-instances', 'vm-1', '--endpoint', s.url, '--yes', '--journal', path];
    expect((await runMain(args, env('tok-secret-1'))).code).toBe(1);
    const digest = createHash('sha256').update('tok-secret-1').digest('hex').slice(0, 16);
    expect(journalLines(path)[0]).toMatchObject({ account: `token-sha256:${digest}` });
    expect(readFileSync(path, 'utf8')).not.toContain('tok-secret-1');
    const other = await runMain(
      ['release-instances', '--resume', path, '--endpoint', s.url, '--yes'],
      env('tok-secret-2'),
    );
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('line 1: "account" is token-sha256:');
    expect(s.batches()).toHaveLength(1);
  });
});

it('the embedded mock: its journal names it and its demo key; the endpoint has no userinfo anywhere', async () => {
  const path = journalPath();
  const r = await runMain(['release-instances', 'vm-1', '--yes', '--journal', path], { env: SECRETS });
  expect(r.code).toBe(0);
  expect(journalLines(path)[0]).toMatchObject({
    event: 'run',
    command: 'release-instances',
    format: 1,
    endpoint: 'embedded-mock',
    account: 'key:DEMO-ACCESS-KEY',
  });
  for (const line of journalLines(path)) expect(line.command).toBe('release-instances');
});
