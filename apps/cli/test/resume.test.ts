// --resume settles what its journal left unknown with a read before anything is sent again:
// an accepted release whose answer was lost is reported released, whatever the instance's state
// when the resume comes (RELEASING, or gone); a refusal never turns an earlier unknown into
// "refused"; every run appended to one journal is resumed.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { recorder, runMain } from './support/harness.js';
import { heldCallProxy } from './support/held-call.js';
import { resume } from './support/release-runs.js';
import { changesState, zenlayerMock } from './support/teardown.js';
import { ACCOUNT, instancesServer, journalLines, many, runFixture, until, writeJournal } from './support/zenlayer.js';

const { servers, journalPath } = runFixture('resume');

describe('an accepted release whose answer was lost (stateful mock)', () => {
  it('is reported released by a resume during RELEASING and by one after: exit 0, never sent again', async () => {
    // On a manual clock: released, the instance stays RELEASING until the clock moves.
    const mock = await zenlayerMock([{ type: 'instance', id: 'i-a', status: 'RECYCLE' }], 'manual');
    // The release is held on its way to the mock until the run has given up on it; the mock
    // applies it all the same.
    const proxy = await heldCallProxy(mock.url, changesState, 1);
    const path = journalPath();
    const signals = new EventEmitter();
    const first = await runMain(['release-instances', 'i-a', '--endpoint', proxy.url, '--yes', '--journal', path], {
      signals,
      drive: async () => {
        await until(() => proxy.holding()); // on the wire
        signals.emit('SIGINT');
        signals.emit('SIGINT');
      },
    });
    expect(first.code).toBe(130);
    expect(journalLines(path).find((l) => l.event === 'outcome')).toMatchObject({ ids: ['i-a'], outcome: 'unknown' });
    proxy.release();
    await until(() => mock.resources().find((r) => r.id === 'i-a')?.status === 'RELEASING', 5000);

    const during = await resume(path, proxy.url, '--json');
    expect(during.code).toBe(0);
    expect(JSON.parse(during.stdout)).toMatchObject({ ok: true, foundReleased: ['i-a'] });
    expect(journalLines(path).find((l) => l.event === 'resolved')).toMatchObject({
      action: 'DescribeInstances',
      ids: ['i-a'],
      found: 'released',
      status: 'RELEASING',
    });

    const after = await resume(path, proxy.url);
    expect(after.code).toBe(0);
    expect(after.stdout).toBe(`Nothing to resume: ${path} records all 1 instance as released.\n`);
    const releases = mock.requests().filter((r) => r.operation === 'ReleaseInstances');
    expect(releases).toHaveLength(1);
  }, 30_000);
});

describe('ids whose outcome is unknown', () => {
  it.each([
    {
      what: 'a later refusal in the journal leaves them unknown: read, found gone, released; nothing sent',
      // What a resume that re-sent blind used to write: its 403 recorded as "refused".
      later: (endpoint: string) => [
        { event: 'sending', batch: 0, ids: ['u-1'] },
        { event: 'outcome', batch: 0, ids: ['u-1'], outcome: 'unknown', error: 'aborted' },
        { event: 'resume', format: 1, endpoint, account: ACCOUNT, ids: ['u-1'], unknown: ['u-1'] },
        { event: 'sending', batch: 0, ids: ['u-1'] },
        {
          event: 'outcome',
          batch: 0,
          ids: ['u-1'],
          outcome: 'refused',
          code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
        },
      ],
      ids: ['u-1'],
      gone: ['u-1'],
      read: [['u-1']],
      sent: [],
    },
    {
      what: "every run appended to one journal is resumed: the second run's unknown ids are read and settled",
      later: (endpoint: string) => [
        { event: 'sending', batch: 0, ids: ['a-1'] },
        { event: 'outcome', batch: 0, ids: ['a-1'], outcome: 'accepted', requestId: 'T-0' },
        { event: 'run', format: 1, endpoint, account: ACCOUNT, ignoreMissing: false, ids: ['b-1', 'b-2'] },
        { event: 'sending', batch: 0, ids: ['b-1', 'b-2'] },
      ],
      ids: ['a-1'],
      // b-1 is read as gone; b-2 is still there (RUNNING), so sent again.
      gone: ['b-1'],
      read: [['b-1', 'b-2']],
      sent: [['b-2']],
    },
  ])('$what', async ({ later, ids, gone, read, sent }) => {
    const s = await instancesServer(servers, { gone });
    const path = journalPath();
    writeJournal(path, { endpoint: s.url, ids }, ...later(s.url));
    const r = await resume(path, s.url, '--json');
    expect(r.code).toBe(0);
    expect(s.reads()).toEqual(read);
    expect(s.batches()).toEqual(sent);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, foundReleased: gone });
  });

  it('are read 100 at a time, a page of 100 each, before any release; those still there are sent again', async () => {
    const ids = many(250, 'n');
    const s = await instancesServer(servers, { gone: ids.slice(0, 200) });
    const path = journalPath();
    writeJournal(path, { endpoint: s.url, ids }, { event: 'sending', batch: 0, ids });
    const r = await resume(path, s.url);
    expect(r.code).toBe(0);
    expect(s.reads().map((batch) => batch.length)).toEqual([100, 100, 50]);
    const bodies = s.requests
      .filter((q) => q.headers['x-zc-action'] === 'DescribeInstances')
      .map((q) => JSON.parse(q.body));
    expect(bodies.every((b) => b.pageSize === 100)).toBe(true);
    expect(s.requests.findIndex((q) => q.headers['x-zc-action'] === 'ReleaseInstances')).toBe(3);
    expect(s.batches()).toEqual([ids.slice(200)]);
  });

  it('one still in RECYCLE after the attempt counts as released (the rule), and stderr names it', async () => {
    const s = await instancesServer(servers, { status: { 'r-1': 'RECYCLE' } });
    const path = journalPath();
    writeJournal(path, { endpoint: s.url, ids: ['r-1'] }, { event: 'sending', batch: 0, ids: ['r-1'] });
    const r = await resume(path, s.url);
    expect(r.code).toBe(0);
    expect(s.batches()).toEqual([]);
    expect(r.stderr).toContain('still in the recycle bin after a release attempt: counted as released');
    expect(journalLines(path).find((l) => l.event === 'resolved')).toMatchObject({
      found: 'released',
      status: 'RECYCLE',
    });
  });

  it.each([
    ['no dataSet list', { requestId: 'T-R' }],
    ['an item without a status', { requestId: 'T-R', totalCount: 1, dataSet: [{ instanceId: 'd-1' }] }],
  ])('a read that answers with %s proves nothing: they stay unknown, nothing sent, exit 1', async (_, response) => {
    const s = await recorder((req, _body, res) => {
      const status = req.headers['x-zc-action'] === 'DescribeInstances' ? 200 : 500;
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ requestId: 'T-R', response }));
    });
    servers.push(s);
    const path = journalPath();
    writeJournal(path, { endpoint: s.url, ids: ['d-1'] }, { event: 'sending', batch: 0, ids: ['d-1'] });
    const r = await resume(path, s.url, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      unknownIds: ['d-1'],
      error: { name: 'OutcomeUnknownError', reason: 'unexpected-answer', operation: 'DescribeInstances' },
    });
    expect(s.requests.map((q) => q.headers['x-zc-action'])).toEqual(['DescribeInstances']);
  });

  it('a read that fails leaves them unknown and sends nothing: exit 1', async () => {
    const s = await instancesServer(servers);
    const path = journalPath();
    writeJournal(path, { endpoint: s.url, ids: ['f-1', 'f-2'] }, { event: 'sending', batch: 0, ids: ['f-1'] });
    await s.close();
    const r = await resume(path, s.url, '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, unknownIds: ['f-1'], notSent: 1 });
    expect(journalLines(path).filter((l) => l.event === 'resolved' || l.event === 'sending')).toHaveLength(1);
  });
});
