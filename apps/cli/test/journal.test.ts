// The journal as a user reads it, and --resume as a user runs it: in-process, against a
// recording server whose answers each test chooses.
import { EventEmitter } from 'node:events';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { type Handler, outputs, type Recorder, recorder, runMain, SECRETS, waitFor } from './support/harness.js';
import { instancesServer, writeJournal } from './support/zenlayer.js';

const dir = mkdtempSync(join(tmpdir(), 'cloud-release-journal-'));
const servers: Recorder[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const output of outputs) expect(output).not.toContain(SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD);
});

let n = 0;
/** Accepts every batch, except that any batch holding one of `refuse` gets a 403. */
async function zenlayer(refuse: string[] = [], respond?: Handler) {
  const s = await recorder(
    respond ??
      ((_req, body, res) => {
        const ids: string[] = JSON.parse(body).instanceIds;
        const requestId = `T-${++n}`;
        res.setHeader('content-type', 'application/json');
        if (ids.some((id) => refuse.includes(id)))
          res
            .writeHead(403)
            .end(JSON.stringify({ requestId, code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', message: 'no' }));
        else res.writeHead(200).end(JSON.stringify({ requestId, response: { requestId } }));
      }),
  );
  servers.push(s);
  return s;
}
const idsOf = (s: Recorder) => s.requests.flatMap((r) => JSON.parse(r.body).instanceIds as string[]);
const lines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const many = (count: number, prefix = 'vm') => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

it('--journal: a run line, then sending and outcome per batch (requestId or error code), then a summary', async () => {
  const s = await zenlayer(['vm-150']);
  const path = join(dir, 'refused.jsonl');
  const ids = many(250);
  const r = await runMain(['release-instances', ...ids, '--endpoint', s.url, '--yes', '--journal', path]);
  expect(r.code).toBe(1);
  // A new journal starts with its run line, not a blank one (`head -1 journal | jq` reads it).
  expect(readFileSync(path, 'utf8')).toMatch(/^\{"time":"[^"]+","event":"run",/);
  const journal = lines(path);
  expect(journal[0]).toMatchObject({ event: 'run', endpoint: s.url, ignoreMissing: false, ids });
  for (const line of journal) expect(Date.parse(line.time)).not.toBeNaN();
  const sending = journal.filter((l) => l.event === 'sending');
  const outcomes = journal.filter((l) => l.event === 'outcome');
  expect(sending.map((l) => l.batch).sort()).toEqual([0, 1, 2]);
  expect(outcomes.find((l) => l.batch === 1)).toMatchObject({
    outcome: 'refused',
    code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
    ids: ids.slice(100, 200),
  });
  expect(outcomes.find((l) => l.batch === 0)).toMatchObject({
    outcome: 'accepted',
    requestId: expect.stringMatching(/^T-/),
  });
  // Each batch's "sending" line comes before its outcome line.
  for (const o of outcomes)
    expect(journal.indexOf(sending.find((l) => l.batch === o.batch))).toBeLessThan(journal.indexOf(o));
  expect(journal.at(-1)).toMatchObject({ event: 'summary', accepted: 150, refused: 100, unknown: 0, notSent: 0 });
  expect(r.stderr).toContain('Not every instance was released: 150 of 250 instances accepted, 100 refused');
  expect(r.stderr).toContain(`Resume with: cloud-release release-instances --resume ${path} --endpoint ${s.url}`);
});

it("--resume goes to the journal's endpoint only, sends only what was not accepted, and appends to the same journal", async () => {
  const path = join(dir, 'resume.jsonl');
  const ids = many(250);
  const first = await zenlayer(['vm-150']);
  await runMain(['release-instances', ...ids, '--endpoint', first.url, '--yes', '--journal', path]);
  const again = await zenlayer();
  const r = await runMain(['release-instances', '--resume', path, '--endpoint', again.url, '--yes']);
  expect(r.code).toBe(2); // a different endpoint than the journal's
  expect(r.stderr).toContain(`line 1: "endpoint" is ${first.url}, this run's is ${again.url}`);
  expect(r.stderr).toContain(`resume with --endpoint ${first.url}`);
  expect(again.requests).toEqual([]);

  const before = first.requests.length;
  const resumed = await runMain(['release-instances', '--resume', path, '--endpoint', first.url, '--yes', '--json']);
  // The server still refuses vm-150's batch: only that batch was sent again, and refused again.
  expect(resumed.code).toBe(1);
  const refusedAgain = JSON.parse(resumed.stdout);
  expect(refusedAgain).toMatchObject({ ok: false, accepted: 150, refused: 100, journal: path });
  expect(idsOf({ ...first, requests: first.requests.slice(before) })).toEqual(ids.slice(100, 200));
  expect(lines(path).filter((l) => l.event === 'resume')).toHaveLength(1);
});

it('--resume after the refusal is lifted finishes, and then there is nothing to resume', async () => {
  const path = join(dir, 'finish.jsonl');
  const ids = many(120, 'f');
  const s = await zenlayer(['f-110']);
  await runMain(['release-instances', ...ids, '--endpoint', s.url, '--yes', '--journal', path]);
  await s.close();
  servers.pop();
  const open = await zenlayer([]);
  // Same origin is needed: rewrite the journal's endpoint as a user would pass the new one.
  writeFileSync(path, readFileSync(path, 'utf8').replaceAll(s.url, open.url));
  const r = await runMain(['release-instances', '--resume', path, '--endpoint', open.url, '--yes']);
  expect(r.code).toBe(0);
  expect(idsOf(open)).toEqual(ids.slice(100));
  expect(r.stdout).toContain('100 instances accepted earlier, as the journal records.');
  const done = await runMain(['release-instances', '--resume', path, '--endpoint', open.url, '--yes']);
  expect(done.code).toBe(0);
  expect(done.stdout).toContain('Nothing to resume');
  expect(open.requests).toHaveLength(1);
});

it('--resume treats a batch with "sending" and no outcome (a crash) as unknown: read, then re-sent with ignore-missing', async () => {
  const path = join(dir, 'crash.jsonl');
  const s = await instancesServer(servers);
  const ids = ['c-1', 'c-2', 'c-3'];
  writeJournal(path, { endpoint: s.url, ids }, { event: 'sending', batch: 0, ids: ['c-1', 'c-2'] });
  appendFileSync(path, '{"time":"');
  const r = await runMain(['release-instances', '--resume', path, '--endpoint', s.url, '--yes']);
  expect(r.code).toBe(0);
  // Both still there (RUNNING): the release did not take, so they are sent again.
  expect(s.reads()).toEqual([['c-1', 'c-2']]);
  const resume = readFileSync(path, 'utf8')
    .split('\n')
    .find((l) => l.includes('"resume"'));
  expect(JSON.parse(resume!)).toMatchObject({ ids: ['c-1', 'c-2', 'c-3'], unknown: ['c-1', 'c-2'] });
  expect(s.batches().flat().sort()).toEqual(ids);
  // The torn line stays where the crash left it; the journal still reads, and is now complete.
  const again = await runMain(['release-instances', '--resume', path, '--endpoint', s.url, '--yes']);
  expect(again.stdout).toContain('Nothing to resume');
});

it('SIGTERM (in-process) stops new batches: exit 130, account and resume command printed', async () => {
  const signals = new EventEmitter();
  const held: (() => void)[] = [];
  const s = await zenlayer([], (_req, _body, res) => {
    const answer = () =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ requestId: 'T-S', response: {} }));
    if (signals.listenerCount('SIGTERM') === 0) answer();
    else held.push(answer);
  });
  const path = join(dir, 'term.jsonl');
  const r = await runMain(['release-instances', ...many(500, 't'), '--endpoint', s.url, '--yes', '--journal', path], {
    signals,
    drive: async (_stdin, stderr) => {
      await waitFor(stderr, 'Journal:');
      while (s.requests.length < 4) await new Promise((r) => setTimeout(r, 5));
      signals.emit('SIGTERM');
      for (const answer of held) answer();
    },
  });
  expect(r.code).toBe(130);
  expect(r.stderr).toContain('SIGTERM: no new batches');
  expect(r.stderr).toMatch(
    /Interrupted: \d+ of 500 instances accepted, 0 refused, 0 with an unknown outcome, \d+ not sent\./,
  );
  expect(s.requests).toHaveLength(4); // the four in flight (concurrency 4), none after the signal
  expect(r.stderr).toContain(
    'Interrupted: 400 of 500 instances accepted, 0 refused, 0 with an unknown outcome, 100 not sent.',
  );
});
