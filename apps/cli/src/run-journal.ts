// The journal of one release-instances run: where it goes (--journal, the --resume journal, or
// a default path for large runs), the checks before anything starts (no symbolic link, not the
// ids file), its header line, and the interruption notes.
import { lstatSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CliIo } from './io.js';
import { JOURNAL_FORMAT } from './journal/events.js';
import { type JournalWriter, openJournal } from './journal/writer.js';
import { UsageError } from './usage.js';

/** Runs above this many ids get a journal even without --journal. */
export const JOURNAL_THRESHOLD = 100;
export const COMMAND = 'release-instances';

export interface JournalFlags {
  resume?: string;
  journal?: string;
  idsFile?: string;
}

/** Where this run's journal goes (absolute, so the printed --resume works from anywhere), if anywhere. */
export function journalPath(flags: JournalFlags, io: CliIo, count: number): string | undefined {
  const given = flags.resume ?? flags.journal;
  if (given !== undefined) return resolve(io.cwd, given);
  if (count <= JOURNAL_THRESHOLD) return undefined;
  return join(io.cwd, `cloud-release-journal-${io.now().toISOString().replace(/[:.]/g, '-')}.jsonl`);
}

const statOf = (path: string) => {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
};

/**
 * Refused before anything starts: a --journal that is a symbolic link (opening it refuses it
 * again, O_NOFOLLOW, whatever changed since), or the --ids-file itself (same device and inode:
 * a hard link or a symlink to it counts), whose next run would send the JSON lines as ids.
 */
export function checkJournalPath(flags: JournalFlags, io: CliIo): void {
  if (flags.journal === undefined) return;
  const path = resolve(io.cwd, flags.journal);
  let link = false;
  try {
    link = lstatSync(path).isSymbolicLink();
  } catch {}
  if (link) throw new UsageError(`--journal ${path}: a symbolic link; a journal is never read or written through one`);
  if (flags.idsFile === undefined || flags.idsFile === '-') return;
  const journal = statOf(path);
  const ids = statOf(resolve(io.cwd, flags.idsFile));
  if (journal && ids && journal.dev === ids.dev && journal.ino === ids.ino)
    throw new UsageError(`--journal ${path} is the --ids-file: the journal needs a file of its own`);
}

/** Opens the journal and writes its header line (throws JournalWriteError when it cannot). */
export function openRunJournal(
  path: string,
  io: CliIo,
  flags: JournalFlags,
  header:
    | { event: 'run'; endpoint: string; account: string; ignoreMissing: boolean; ids: string[] }
    | { event: 'resume'; endpoint: string; account: string; ids: string[]; unknown: string[] },
): JournalWriter {
  const journal = openJournal(path, { command: COMMAND, now: io.now, flag: flags.resume ? '--resume' : '--journal' });
  try {
    journal.write({ ...header, format: JOURNAL_FORMAT });
  } catch (error) {
    journal.close();
    throw error;
  }
  return journal;
}

/** Best effort: a journal that cannot take this line must not turn Ctrl-C into a crash. */
export function noteInterruption(journal: JournalWriter | undefined, signal: string, abort: boolean): void {
  try {
    journal?.write({ event: 'interrupted', signal, abort });
  } catch {}
}
