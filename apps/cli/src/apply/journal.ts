// apply's journal: the same checked, fsync'ed, O_NOFOLLOW lines as release-instances' (one
// module, journal/), with apply's own events: a header naming the plan by its digest, a `step`
// line before and after every call that changes state (the client's onStep), and a `result`
// line per resource. Read back by --resume: what each resource's calls were, by id.
import { join, resolve } from 'node:path';
import type { StepEvent, TeardownResult } from '@cloud-release/client';
import type { CliIo } from '../io.js';
import { JOURNAL_FORMAT } from '../journal/events.js';
import { checkLine, LineError } from '../journal/lines.js';
import { readText } from '../journal/read.js';
import { type JournalWriter, openJournal } from '../journal/writer.js';
import { UsageError } from '../usage.js';

export const APPLY = 'apply';

/** --journal, the --resume journal, or a fresh file in the working directory. */
export function applyJournalPath(flags: { journal?: string; resume?: string }, io: CliIo): string {
  const given = flags.resume ?? flags.journal;
  if (given !== undefined) return resolve(io.cwd, given);
  return join(io.cwd, `cloud-release-apply-${io.now().toISOString().replace(/[:.]/g, '-')}.jsonl`);
}

export function openApplyJournal(
  path: string,
  io: CliIo,
  header: { digest: string; endpoints: { zenlayer?: string; neutron?: string }; account: string; resume: boolean },
): JournalWriter {
  const journal = openJournal(path, { command: APPLY, now: io.now, flag: header.resume ? '--resume' : '--journal' });
  try {
    journal.write({ event: 'apply', format: JOURNAL_FORMAT, ...header });
  } catch (error) {
    journal.close();
    throw error;
  }
  return journal;
}

export function stepLine(e: StepEvent) {
  return {
    event: 'step' as const,
    phase: e.phase,
    step: e.step,
    provider: e.provider,
    type: e.type,
    ids: e.ids,
    action: e.action,
    ...(e.revision !== undefined && { revision: e.revision }),
    ...(e.outcome !== undefined && { outcome: e.outcome }),
    ...(e.code !== undefined && { code: e.code }),
    ...(e.requestId !== undefined && { requestId: e.requestId }),
  };
}

export function resultLine(r: TeardownResult) {
  return {
    event: 'result' as const,
    provider: r.provider,
    type: r.type,
    id: r.id,
    result: r.result,
    ...('step' in r && { step: r.step }),
    ...('code' in r && { code: r.code }),
    ...(r.status !== undefined && { status: r.status }),
  };
}

/** What a journal records of one resource's state-changing steps. */
export interface Recorded {
  /** Steps whose call was sent (a `before` line), whatever came of it. */
  sent: Set<string>;
  /** Steps the server accepted (or answered already done). */
  accepted: Set<string>;
}

export interface ApplyJournal {
  headers: { line: number; digest: string; endpoints: { zenlayer?: string; neutron?: string }; account: string }[];
  /** Keyed `type:id`. */
  recorded: Map<string, Recorded>;
}

/** Reads an apply journal for --resume; every line checked, refused with its number and field. */
export function readApplyJournal(path: string): ApplyJournal {
  const text = readText(path, '--resume');
  const read: ApplyJournal = { headers: [], recorded: new Map() };
  const of = (key: string) => {
    const known = read.recorded.get(key);
    if (known) return known;
    const fresh: Recorded = { sent: new Set(), accepted: new Set() };
    read.recorded.set(key, fresh);
    return fresh;
  };
  for (const [i, raw] of text.split('\n').entries()) {
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      // A torn line (crash, full disk): a call is sent only once its `before` line is whole,
      // so a torn `before` was never sent, and a torn `after` leaves its call unknown.
      if (read.headers.length === 0)
        throw new UsageError(`--resume ${path}: not an apply journal (line ${i + 1} is not JSON)`);
      continue;
    }
    let line: ReturnType<typeof checkLine>;
    try {
      line = checkLine(value, APPLY);
    } catch (error) {
      if (error instanceof LineError) throw new UsageError(`--resume ${path}: line ${i + 1}: ${error.message}`);
      throw error;
    }
    if (read.headers.length === 0 && line.event !== 'apply')
      throw new UsageError(`--resume ${path}: line ${i + 1}: "event" must be "apply" on a journal's first line`);
    if (line.event === 'apply')
      read.headers.push({ line: i + 1, digest: line.digest, endpoints: line.endpoints, account: line.account });
    else if (line.event === 'step')
      for (const id of line.ids) {
        const r = of(`${line.type}:${id}`);
        if (line.phase === 'before') r.sent.add(line.step);
        else if (line.outcome === 'accepted' || line.outcome === 'already-done') r.accepted.add(line.step);
      }
  }
  if (read.headers.length === 0) throw new UsageError(`--resume ${path}: not an apply journal (no "apply" line)`);
  return read;
}
