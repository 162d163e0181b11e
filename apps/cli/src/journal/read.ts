// Reading a journal back for --resume: every line checked (refused with its number and field),
// every run in the file taken into account (a --journal reused by several runs holds several),
// and the state of each id derived with the same rules a run writes by.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { UsageError } from '../usage.js';
import type { Header } from './events.js';
import { checkLine, LineError } from './lines.js';
import { IdStates } from './states.js';

export interface JournalRead {
  path: string;
  /** Each run's header line, with its line number, in file order. */
  headers: (Header & { line: number; event: 'run' | 'resume' })[];
  /** --ignore-missing of the first run that set it. */
  ignoreMissing: boolean;
  /** Every id any run of the journal named, first-seen order. */
  ids: string[];
  states: IdStates;
}

export function readText(path: string, flag: string): string {
  let fd: number | undefined;
  try {
    // O_NOFOLLOW: a journal is appended to after it is read, and never through a link.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    if (!fstatSync(fd).isFile()) throw new UsageError(`${flag} ${path}: not a regular file`);
    return readFileSync(fd, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${flag} ${path}: ${code === 'ELOOP' ? 'a symbolic link; a journal is never read or written through one' : (code ?? (error as Error).message)}`,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function readJournal(path: string, command: string, flag = '--resume'): JournalRead {
  const text = readText(path, flag);
  const read: JournalRead = { path, headers: [], ignoreMissing: false, ids: [], states: new IdStates() };
  const named = new Set<string>();
  let first = true;
  for (const [i, raw] of text.split('\n').entries()) {
    const n = i + 1;
    if (!raw.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      // A line torn by a crash or a full disk. Skipping it is safe: a request leaves only once
      // its "sending" line is whole on disk, so a torn "sending" was never sent; a torn outcome
      // leaves its batch at "sending", i.e. unknown, resolved by a read before anything is sent.
      if (first) throw new UsageError(`${flag} ${path}: not a cloud-release journal (line ${n} is not JSON)`);
      continue;
    }
    let line: ReturnType<typeof checkLine>;
    try {
      line = checkLine(value, command);
      if (first && line.event !== 'run' && line.event !== 'resume')
        throw new LineError(
          'event',
          `"event" must be "run" or "resume" on a journal's first line (got "${line.event}")`,
        );
    } catch (error) {
      if (error instanceof LineError) throw new UsageError(`${flag} ${path}: line ${n}: ${error.message}`);
      throw error;
    }
    first = false;
    if (line.event === 'run' || line.event === 'resume') {
      read.headers.push({
        line: n,
        event: line.event,
        format: line.format,
        endpoint: line.endpoint,
        account: line.account,
      });
      if (line.event === 'run') read.ignoreMissing ||= line.ignoreMissing;
      for (const id of line.ids) {
        if (named.has(id)) continue;
        named.add(id);
        read.ids.push(id);
      }
    } else if ('ids' in line) {
      const stray = line.ids.find((id) => !named.has(id));
      if (stray !== undefined)
        throw new UsageError(
          `${flag} ${path}: line ${n}: "ids" holds ${JSON.stringify(stray)}, which no run line before it names`,
        );
    }
    read.states.apply(line);
  }
  if (first) throw new UsageError(`${flag} ${path}: not a cloud-release journal (no "run" line)`);
  return read;
}
