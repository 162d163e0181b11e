// The run journal of release-instances: one JSON line per event, each written and fsync'ed
// before the CLI reports it, so the journal never says less than the server saw. A batch gets
// a "sending" line right before its request leaves and an "outcome" line when it ends; a
// "sending" line without an outcome means the server may have acted on it.
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './usage.js';

export type BatchOutcome = 'accepted' | 'refused' | 'unknown' | 'not-sent';

export type JournalEvent =
  | { event: 'run'; command: 'release-instances'; endpoint: string; ignoreMissing: boolean; ids: string[] }
  | { event: 'resume'; ids: string[]; unknown: string[] }
  | { event: 'sending'; batch: number; ids: string[] }
  | {
      event: 'outcome';
      batch: number;
      ids: string[];
      outcome: BatchOutcome;
      alreadyGone?: boolean;
      requestId?: string;
      code?: string;
      error?: string;
    }
  | { event: 'interrupted'; signal: string; abort: boolean }
  | { event: 'summary'; accepted: number; refused: number; unknown: number; notSent: number; interrupted: boolean };

/** A journal open for appending; every line reaches the disk before write() returns. */
export interface JournalWriter {
  path: string;
  write(event: JournalEvent): void;
  close(): void;
}

export function openJournal(path: string, now: () => Date): JournalWriter {
  let fd: number;
  try {
    fd = openSync(path, 'a+', 0o600);
    // After a crash mid-line, start on a fresh line so the torn one stays alone.
    const size = fstatSync(fd).size;
    const last = Buffer.alloc(1);
    const read = size > 0 ? readSync(fd, last, 0, 1, size - 1) : 0;
    if (read === 1 && last[0] !== 0x0a) writeSync(fd, '\n');
  } catch (error) {
    throw new UsageError(`--journal ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return {
    path,
    write(event) {
      writeSync(fd, `${JSON.stringify({ time: now().toISOString(), ...event })}\n`);
      fsyncSync(fd);
    },
    close: () => closeSync(fd),
  };
}

export function defaultJournalPath(cwd: string, now: Date): string {
  return join(cwd, `cloud-release-journal-${now.toISOString().replace(/[:.]/g, '-')}.jsonl`);
}

/** What a journal says about each id of its run. */
export interface JournalState {
  endpoint: string;
  ignoreMissing: boolean;
  /** Every id of the run, in order. */
  ids: string[];
  /** The last known state of each id that was sent; "sending" means no outcome was recorded. */
  states: Map<string, BatchOutcome | 'sending'>;
}

export function readJournal(path: string): JournalState {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--resume ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let run: Extract<JournalEvent, { event: 'run' }> | undefined;
  const states = new Map<string, BatchOutcome | 'sending'>();
  const lines = text.split('\n');
  for (const [n, line] of lines.entries()) {
    if (!line.trim()) continue;
    let entry: JournalEvent;
    try {
      entry = JSON.parse(line) as JournalEvent;
    } catch {
      // A line torn by a crash. Skipping it is safe: a torn "sending" line means its request
      // was never sent (it leaves only after the line is on disk), and a torn "outcome" line
      // leaves its batch at "sending", i.e. unknown, re-sent with ignore-missing.
      if (n === 0) throw new UsageError(`--resume ${path}: not a cloud-release journal (line 1 is not JSON)`);
      continue;
    }
    if (entry.event === 'run') run ??= entry;
    if (entry.event === 'sending')
      for (const id of entry.ids) if (states.get(id) !== 'accepted') states.set(id, 'sending');
    if (entry.event === 'outcome')
      for (const id of entry.ids) if (states.get(id) !== 'accepted') states.set(id, entry.outcome);
  }
  if (!run) throw new UsageError(`--resume ${path}: not a cloud-release journal (no "run" line)`);
  return { endpoint: run.endpoint, ignoreMissing: run.ignoreMissing, ids: run.ids, states };
}

/** What a resumed run sends: never an accepted id; unknown ones with ignore-missing semantics. */
export function resumePlan(state: JournalState): { unknown: string[]; rest: string[]; accepted: number } {
  const unknown: string[] = [];
  const rest: string[] = [];
  let accepted = 0;
  for (const id of state.ids) {
    const s = state.states.get(id);
    if (s === 'accepted') accepted++;
    else if (s === 'unknown' || s === 'sending') unknown.push(id);
    else rest.push(id);
  }
  return { unknown, rest, accepted };
}
