// One release-instances run as its journal and its account tell it: each batch's outcome line
// exactly, the progress line a user sees per batch, and what the account counts when a batch is
// split, stopped, or refused before it connected. (A journal that cannot take a line:
// journal-writes.test.ts.)
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { recorder, runMain } from './support/harness.js';
import { instancesServer, journalLines, many, runFixture, until, writeJournal } from './support/zenlayer.js';

const { dir, servers, journalPath } = runFixture('run-account');
const outcomes = (path: string) =>
  journalLines(path)
    .filter((l) => l.event === 'outcome')
    .map(({ time: _, command: __, action: ___, ...l }) => l);
const progress = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('batch '));

describe('each batch: its outcome line and its progress line', () => {
  it('accepted, refused and already gone, two batches each', async () => {
    const ids = many(101, 'p');
    const message = `no: ${'x'.repeat(600)}`;
    const s = await recorder((_req, body, res) => {
      const batch: string[] = JSON.parse(body).instanceIds;
      const answer = (status: number, json: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      if (batch.length === 100) answer(200, { requestId: 'T-100', response: {} });
      else if (batch[0] === 'p-100') answer(404, { requestId: 'T-404', code: 'INVALID_INSTANCE_NOT_FOUND', message });
    });
    servers.push(s);
    const path = journalPath();
    const r = await runMain(['release-instances', ...ids, '--endpoint', s.url, '--yes', '--journal', path]);
    expect(r.code).toBe(1);
    const lines = outcomes(path);
    const refusal = lines.find((l) => l.batch === 1);
    expect(lines.find((l) => l.batch === 0)).toEqual({
      event: 'outcome',
      batch: 0,
      ids: ids.slice(0, 100),
      outcome: 'accepted',
      requestId: 'T-100',
    });
    expect(refusal).toEqual({
      event: 'outcome',
      batch: 1,
      ids: ['p-100'],
      outcome: 'refused',
      code: 'INVALID_INSTANCE_NOT_FOUND',
      error: expect.stringMatching(/no: x+$/),
    });
    // Server text is capped in the journal too.
    expect(String(refusal?.error)).toHaveLength(500);
    expect(progress(r.stderr).sort()).toEqual([
      'batch 1/2: 100 instances accepted (requestId T-100)',
      expect.stringMatching(/^batch 2\/2: 1 instance FAILED: .*no: x+…$/),
    ]);

    // The same with --ignore-missing: p-100 is already gone.
    const gone = journalPath();
    const again = await runMain([
      'release-instances',
      ...ids,
      '--endpoint',
      s.url,
      '--yes',
      '--ignore-missing',
      `--journal=${gone}`,
    ]);
    expect(again.code).toBe(0);
    expect(outcomes(gone).find((l) => l.batch === 1)).toEqual({
      event: 'outcome',
      batch: 1,
      ids: ['p-100'],
      outcome: 'accepted',
      alreadyGone: true,
      requestId: 'T-404',
    });
    expect(progress(again.stderr)).toContain('batch 2/2: 1 instance already gone');
  });

  it('an answer that is not the documented one: OUTCOME UNKNOWN', async () => {
    const s = await recorder((_req, _body, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>ok</p>'),
    );
    servers.push(s);
    const r = await runMain(['release-instances', ...many(101, 'q'), '--endpoint', s.url, '--yes'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(progress(r.stderr).sort()).toEqual([
      expect.stringMatching(/^batch 1\/2: 100 instances OUTCOME UNKNOWN: \S/),
      expect.stringMatching(/^batch 2\/2: 1 instance OUTCOME UNKNOWN: \S/),
    ]);
    expect(r.stderr).toContain(
      'Not every instance was released: 0 of 101 instances accepted, 0 refused, 101 with an unknown outcome, 0 not sent.',
    );
  });

  it('a run of one batch prints no progress line', async () => {
    const s = await instancesServer(servers);
    const r = await runMain(['release-instances', ...many(100, 'o'), '--endpoint', s.url, '--yes']);
    expect(r.code).toBe(0);
    expect(progress(r.stderr)).toEqual([]);
  });

  it('nothing listening: every batch is "not-sent", counted so, and --resume sends them as they were', async () => {
    const closed = await recorder({ status: 200 });
    await closed.close();
    const path = journalPath();
    const ids = many(101, 'n');
    const r = await runMain(['release-instances', ...ids, '--endpoint', closed.url, '--yes', '--journal', path]);
    expect(r.code).toBe(1);
    expect(outcomes(path).map((l) => [l.batch, l.outcome])).toEqual(
      expect.arrayContaining([
        [0, 'not-sent'],
        [1, 'not-sent'],
      ]),
    );
    expect(r.stderr).toContain(
      'Not every instance was released: 0 of 101 instances accepted, 0 refused, 0 with an unknown outcome, 101 not sent.',
    );
    expect(progress(r.stderr).sort()).toEqual([
      expect.stringMatching(/^batch 1\/2: 100 instances FAILED: /),
      expect.stringMatching(/^batch 2\/2: 1 instance FAILED: /),
    ]);
  });
});

describe('a batch split one id at a time (--ignore-missing)', () => {
  it('some accepted, one refused, one gone: the journal records the accepted ones, and --resume sends only the refused', async () => {
    const ids = ['k-1', 'k-2', 'k-3', 'k-4'];
    const rules = { refuse: ['k-2'], gone: ['k-3'] };
    const s = await instancesServer(servers, rules);
    const path = journalPath();
    const flags = ['--endpoint', s.url, '--yes', '--ignore-missing', '--journal', path];
    const r = await runMain(['release-instances', ...many(100, 'm'), ...ids, ...flags]);
    expect(r.code).toBe(1);
    const lines = outcomes(path);
    // The whole batch ends refused; then its accepted ids, one line each; the batch of m-*
    // that was accepted whole gets no second line.
    expect(lines.filter((l) => l.batch === -1)).toEqual([
      {
        event: 'outcome',
        batch: -1,
        ids: ['k-1'],
        outcome: 'accepted',
        requestId: expect.any(String),
        alreadyGone: false,
      },
      {
        event: 'outcome',
        batch: -1,
        ids: ['k-3'],
        outcome: 'accepted',
        requestId: expect.any(String),
        alreadyGone: true,
      },
      {
        event: 'outcome',
        batch: -1,
        ids: ['k-4'],
        outcome: 'accepted',
        requestId: expect.any(String),
        alreadyGone: false,
      },
    ]);
    expect(lines.filter((l) => l.batch !== -1).map((l) => [l.batch, l.outcome])).toEqual(
      expect.arrayContaining([
        [0, 'accepted'],
        [1, 'refused'],
      ]),
    );
    expect(lines).toHaveLength(5);
    expect(r.stderr).toContain(
      'Not every instance was released: 103 of 104 instances accepted, 1 refused, 0 with an unknown outcome, 0 not sent.',
    );
    rules.refuse = [];
    const before = s.requests.length;
    const resumed = await runMain(['release-instances', '--resume', path, '--endpoint', s.url, '--yes']);
    expect(resumed.code).toBe(0);
    expect(s.batches().slice(before)).toEqual([['k-2']]);
  });

  it('stopped midway: the ids it did not reach are "not-sent", and the batch lists only the ones sent', async () => {
    const split = ['s-1', 's-2', 's-3'];
    const s = await instancesServer(servers, { gone: ['s-3'], hold: true });
    const path = journalPath();
    const signals = new EventEmitter();
    const args = ['release-instances', ...many(100, 'a'), ...split, '--endpoint', s.url, '--yes', '--ignore-missing'];
    const r = await runMain([...args, '--journal', path], {
      signals,
      drive: async () => {
        // Batch 1 (the s-* ids) is a 404; the first of the single-id requests that follow is held.
        await until(() => s.requests.length === 2);
        s.answerHeld();
        await until(() => s.requests.length === 3);
        signals.emit('SIGINT');
        s.answerHeld();
      },
    });
    expect(r.code).toBe(130);
    expect(s.batches().at(-1)).toEqual(['s-1']);
    expect(outcomes(path).filter((l) => l.batch === 1)).toEqual([
      { event: 'outcome', batch: 1, ids: ['s-2', 's-3'], outcome: 'not-sent' },
      { event: 'outcome', batch: 1, ids: ['s-1'], outcome: 'accepted', requestId: 'T-3' },
    ]);
    expect(r.stderr).toContain(
      'Interrupted: 101 of 103 instances accepted, 0 refused, 0 with an unknown outcome, 2 not sent.',
    );
  });
});

describe('a resumed run', () => {
  it('numbers its batches on from its unknown ids to the rest', async () => {
    const s = await instancesServer(servers);
    const path = journalPath();
    const ids = many(200, 'b');
    writeJournal(path, { endpoint: s.url, ids }, { event: 'sending', batch: 0, ids: ids.slice(0, 150) });
    const r = await runMain(['release-instances', '--resume', path, '--endpoint', s.url, '--yes']);
    expect(r.code).toBe(0);
    const sending = journalLines(path)
      .filter((l) => l.event === 'sending')
      .slice(1);
    expect(sending.map((l) => [l.batch, (l.ids as string[]).length]).sort()).toEqual([
      [0, 100],
      [1, 50],
      [2, 50],
    ]);
  });

  it('stopped after the read of its unknown ids: those still there and not sent again count as not sent', async () => {
    const s = await instancesServer(servers, { hold: true });
    const path = journalPath();
    const ids = many(500, 'z');
    writeJournal(
      path,
      { endpoint: s.url, ids },
      { event: 'sending', batch: 0, ids: ids.slice(0, 450) },
      { event: 'outcome', batch: 0, ids: ids.slice(450), outcome: 'unknown' },
    );
    const signals = new EventEmitter();
    const r = await runMain(['release-instances', '--resume', path, '--endpoint', s.url, '--yes', '--json'], {
      signals,
      drive: async () => {
        await until(() => s.batches().length === 4);
        signals.emit('SIGINT');
        s.answerHeld();
      },
    });
    expect(r.code).toBe(130);
    // All 500 read as still there (RUNNING): the read settled them, so the 100 never sent
    // again are "not sent", and the next --resume sends them.
    expect(s.reads()).toHaveLength(5);
    expect(JSON.parse(r.stdout)).toMatchObject({ accepted: 400, unknown: 0, notSent: 100, unknownIds: [] });
  });
});
