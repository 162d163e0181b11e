// A real run interrupted midway: the CLI as a spawned process, SIGINT, against a server that
// holds its answers until the test lets them go and keeps its own record of what it received
// and accepted. The resumes, which take no signal, run in-process.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect, it } from 'vitest';
import { outputs, type Recorder, recorder, runMain, SECRETS, spawnCli, waitFor } from './support/harness.js';
import { until } from './support/zenlayer.js';

const dir = mkdtempSync(join(tmpdir(), 'cloud-release-interrupt-'));
const servers: Recorder[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const output of outputs) expect(output).not.toContain(SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD);
});

interface Received {
  ids: string[];
  receivedAt: number;
  acceptedAt?: number;
}

/**
 * Zenlayer's ReleaseInstances, its answers held until the test lets them go (`answerHeld()`
 * those so far, `answerFromNowOn()` those and every later one at once): a released instance is
 * gone (404) from then on, and DescribeInstances (answered at once) lists only the instances not
 * released, in RECYCLE.
 */
async function heldZenlayer() {
  let holding = true;
  const held: (() => void)[] = [];
  const received: Received[] = [];
  const reads: string[][] = [];
  const released = new Set<string>();
  let n = 0;
  const server = await recorder((req, body, res) => {
    if (req.headers['x-zc-action'] === 'DescribeInstances') {
      const ids: string[] = JSON.parse(body).instanceIds;
      reads.push(ids);
      const requestId = `T-${++n}`;
      const dataSet = ids
        .filter((id) => !released.has(id))
        .map((id) => ({ instanceId: id, instanceStatus: 'RECYCLE' }));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ requestId, response: { requestId, totalCount: dataSet.length, dataSet } }));
      return;
    }
    const entry: Received = { ids: JSON.parse(body).instanceIds, receivedAt: Date.now() };
    received.push(entry);
    const answer = () => {
      const requestId = `T-${++n}`;
      res.setHeader('content-type', 'application/json');
      if (entry.ids.some((id) => released.has(id))) {
        const message = 'The instance does not exist.';
        res.writeHead(404).end(JSON.stringify({ requestId, code: 'INVALID_INSTANCE_NOT_FOUND', message }));
        return;
      }
      for (const id of entry.ids) released.add(id);
      entry.acceptedAt = Date.now();
      res.writeHead(200).end(JSON.stringify({ requestId, response: { requestId } }));
    };
    if (holding) held.push(answer);
    else answer();
  });
  servers.push(server);
  const answerHeld = () => {
    for (const answer of held.splice(0)) answer();
  };
  const answerFromNowOn = () => {
    holding = false;
    answerHeld();
  };
  return { url: server.url, received, reads, released, answerHeld, answerFromNowOn };
}

const journalLines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

/** Whether the run journaled that it took a signal (a line still being written reads as not yet). */
function tookSignal(path: string): boolean {
  try {
    return journalLines(path).some((l) => l.event === 'interrupted');
  } catch {
    return false;
  }
}

function start(args: string[]) {
  const run = spawnCli(args);
  children.push(run.child);
  return run;
}

it('SIGINT midway: in-flight batches finish, the journal lists every batch the server saw, --resume finishes the rest without re-sending an accepted id', async () => {
  const zenlayer = await heldZenlayer();
  const ids = Array.from({ length: 1000 }, (_, i) => `vm-${String(i).padStart(4, '0')}`);
  const journal = join(dir, 'stop.jsonl');
  const first = start([
    'release-instances',
    ...ids,
    '--endpoint',
    zenlayer.url,
    '--yes',
    '--json',
    '--journal',
    journal,
  ]);
  // Interrupt once the second wave of batches is in flight (the first answered, 4 at a time),
  // and answer from the moment the run has taken the signal: what it sent before is in flight.
  await until(() => zenlayer.received.length >= 4);
  zenlayer.answerHeld();
  await until(() => zenlayer.received.length >= 5);
  first.child.kill('SIGINT');
  await until(() => tookSignal(journal));
  zenlayer.answerFromNowOn();
  const r = await first.done;
  expect(r.code).toBe(130);
  const summary = JSON.parse(r.stdout);
  expect(summary).toMatchObject({ ok: false, interrupted: true, endpoint: zenlayer.url, journal, unknown: 0 });
  expect(summary.resume).toBe(`cloud-release release-instances --resume ${journal} --endpoint ${zenlayer.url}`);
  expect(summary.accepted + summary.notSent).toBe(1000);
  expect(summary.notSent).toBeGreaterThan(0);

  // Every id the server received is in the journal, as sent and as accepted.
  const lines = journalLines(journal);
  const sent = new Set(lines.filter((l) => l.event === 'sending').flatMap((l) => l.ids));
  const accepted = new Set(
    lines.filter((l) => l.event === 'outcome' && l.outcome === 'accepted').flatMap((l) => l.ids),
  );
  const serverSaw = zenlayer.received.flatMap((q) => q.ids);
  for (const id of serverSaw) expect(sent.has(id) && accepted.has(id)).toBe(true);
  expect(accepted.size).toBe(summary.accepted);
  expect(lines.at(-1)).toMatchObject({ event: 'summary', interrupted: true, accepted: summary.accepted });

  const r2 = await runMain(summary.resume.split(' ').slice(1).concat('--yes'));
  expect(r2.code).toBe(0);
  // The server has now released every id, and received none after it had accepted it.
  expect(zenlayer.released.size).toBe(1000);
  for (const later of zenlayer.received)
    for (const earlier of zenlayer.received)
      if (earlier !== later && earlier.acceptedAt !== undefined && earlier.acceptedAt <= later.receivedAt)
        expect(later.ids.filter((id) => earlier.ids.includes(id))).toEqual([]);
  expect(serverSaw.length).toBeLessThan(1000);
  expect(zenlayer.received.flatMap((q) => q.ids).sort()).toEqual(ids);
  expect(r2.stderr).toContain(`Journal: ${journal}`);
  expect(r2.stdout).toContain(`${summary.accepted} instances accepted earlier, as the journal records.`);
}, 60_000);

it('a second signal aborts the batches in flight: recorded as unknown; the resume reads them gone and sends nothing', async () => {
  const zenlayer = await heldZenlayer();
  const ids = Array.from({ length: 150 }, (_, i) => `vm-${i}`);
  const journal = join(dir, 'abort.jsonl');
  const first = start(['release-instances', ...ids, '--endpoint', zenlayer.url, '--yes', '--journal', journal]);
  const end = Date.now() + 10_000;
  while (zenlayer.received.length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  first.child.kill('SIGINT');
  await waitFor(first.stderr, 'waiting up to');
  first.child.kill('SIGINT');
  const r = await first.done;
  // It ended while every answer was still held, and by the second signal, not the 30 s drain bound.
  expect(zenlayer.released.size).toBe(0);
  expect(journalLines(journal).filter((l) => l.event === 'interrupted')).toMatchObject([
    { signal: 'SIGINT', abort: false },
    { signal: 'second signal (SIGINT)', abort: true },
  ]);
  expect(r.code).toBe(130);
  expect(r.stderr).toContain(
    'Interrupted: 0 of 150 instances accepted, 0 refused, 150 with an unknown outcome, 0 not sent.',
  );
  expect(r.stderr).toContain(
    `Resume with: cloud-release release-instances --resume ${journal} --endpoint ${zenlayer.url}`,
  );
  const unknown = journalLines(journal).filter((l) => l.event === 'outcome' && l.outcome === 'unknown');
  expect(unknown.flatMap((l) => l.ids).sort()).toEqual([...ids].sort());

  // The server did release them (its answers reach no one); the resumed run reads them gone
  // and says so, exit 0.
  zenlayer.answerFromNowOn();
  expect(zenlayer.released.size).toBe(150);
  const r2 = await runMain(['release-instances', '--resume', journal, '--endpoint', zenlayer.url, '--yes']);
  expect(r2.code).toBe(0);
  expect(r2.stdout).toContain('150 instances with an unknown outcome found released by a read.');
  expect(new Set(zenlayer.reads.flat())).toEqual(new Set(ids));
  expect(zenlayer.received).toHaveLength(2); // nothing sent again
}, 60_000);
