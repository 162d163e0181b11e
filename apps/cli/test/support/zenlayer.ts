// A stand-in for Zenlayer's ReleaseInstances on a recording server, and the journal as a file a
// test writes or reads: for the tests of what a run sends, records and resumes.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { outputs, type Recorder, recorder, SECRETS } from './harness.js';

export interface InstancesServer extends Recorder {
  /** The ids of each ReleaseInstances request the server received, in order. */
  batches(): string[][];
  /** The ids of each DescribeInstances request the server received, in order. */
  reads(): string[][];
  /** Answers every request held so far (see `rules.hold`). */
  answerHeld(): void;
}

export interface InstancesRules {
  /** A batch holding one of these ids is a 404 INVALID_INSTANCE_NOT_FOUND (whatever else it holds). */
  gone?: string[];
  /** Else, a batch holding one of these ids is a 403 OPERATION_DENIED_INSTANCE_NOT_RECYCLED. */
  refuse?: string[];
  /** While true, requests are received and recorded but not answered until `answerHeld()`. */
  hold?: boolean;
  /**
   * What DescribeInstances says of an id: its status here, else RUNNING (a release that did
   * not take); an id in `gone` is not listed.
   */
  status?: Record<string, string>;
}

/**
 * Accepts every batch with a fresh requestId (T-1, T-2, …) unless `rules` (read per request, so
 * a test may change them between runs) say otherwise.
 */
export async function instancesServer(servers: Recorder[], rules: InstancesRules = {}): Promise<InstancesServer> {
  let n = 0;
  const held: (() => void)[] = [];
  const s = await recorder((req, body, res) => {
    const ids: string[] = JSON.parse(body).instanceIds;
    const requestId = `T-${++n}`;
    const answer = (status: number, json: Record<string, unknown>) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ requestId, ...json }));
    if (req.headers['x-zc-action'] === 'DescribeInstances') {
      const listed = ids.filter((id) => !rules.gone?.includes(id));
      const dataSet = listed.map((id) => ({ instanceId: id, instanceStatus: rules.status?.[id] ?? 'RUNNING' }));
      return answer(200, { response: { requestId, totalCount: dataSet.length, dataSet } });
    }
    const respond = () => {
      if (ids.some((id) => rules.gone?.includes(id)))
        answer(404, { code: 'INVALID_INSTANCE_NOT_FOUND', message: 'The instance does not exist.' });
      else if (ids.some((id) => rules.refuse?.includes(id)))
        answer(403, { code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', message: 'not in the recycle bin' });
      else answer(200, { response: { requestId } });
    };
    if (rules.hold) held.push(respond);
    else respond();
  });
  servers.push(s);
  return {
    ...s,
    batches: () => idsOf(s, 'ReleaseInstances'),
    reads: () => idsOf(s, 'DescribeInstances'),
    answerHeld: () => {
      for (const respond of held.splice(0)) respond();
    },
  };
}

const idsOf = (s: Recorder, action: string) =>
  s.requests.filter((r) => r.headers['x-zc-action'] === action).map((r) => JSON.parse(r.body).instanceIds as string[]);

/** The account a journal names for the tests' access key. */
export const ACCOUNT = `key:${SECRETS.ZENLAYER_ACCESS_KEY_ID}`;

/**
 * A journal as a run would have left it: its "run" line (format 1, the tests' account), then
 * `events`, one JSON line each; every line gets the command, and a batch line its action,
 * unless it names its own.
 */
export function writeJournal(
  path: string,
  run: { endpoint: string; ids: string[]; ignoreMissing?: boolean; account?: string },
  ...events: Record<string, unknown>[]
): void {
  const time = new Date().toISOString();
  const first = { event: 'run', format: 1, account: ACCOUNT, ignoreMissing: false, ...run };
  const line = (e: Record<string, unknown>) => ({
    time,
    command: 'release-instances',
    ...(['sending', 'outcome'].includes(e.event as string) && { action: 'ReleaseInstances' }),
    ...e,
  });
  writeFileSync(path, [first, ...events].map((e) => `${JSON.stringify(line(e))}\n`).join(''));
}

/** The journal's lines, parsed. */
export function journalLines(path: string): Record<string, unknown>[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));
}

/** Resolves once `condition()` holds (polling: a server's requests arrive asynchronously). */
export async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting for a condition');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** `count` ids `prefix-0` … `prefix-(count-1)`. */
export const many = (count: number, prefix: string) => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);

/**
 * What a test file of runs needs: a temporary directory (removed after the file), the servers
 * it starts (closed after each test; `server` starts a recorder among them), fresh journal
 * paths in the directory, and, after the file, the check that no run printed the access key's
 * password or any of `secrets`.
 */
export function runFixture(name: string, secrets: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), `cloud-release-${name}-`));
  const servers: Recorder[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    for (const output of outputs)
      for (const secret of [SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD, ...secrets]) expect(output).not.toContain(secret);
  });
  let journals = 0;
  const server = async (answer: Parameters<typeof recorder>[0]) => {
    const s = await recorder(answer);
    servers.push(s);
    return s;
  };
  return { dir, servers, server, journalPath: (file = `j-${++journals}.jsonl`) => join(dir, file) };
}
