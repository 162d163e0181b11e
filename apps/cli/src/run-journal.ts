// The journal of one release-instances run: opened (at --journal, the --resume journal, or a
// default path for large runs) with its first line, and noted when the run is interrupted.
import { resolve } from 'node:path';
import type { Group } from './instance-run.js';
import type { CliIo } from './io.js';
import { defaultJournalPath, type JournalWriter, openJournal } from './journal.js';
import type { CallContext } from './release.js';

/** Runs above this many ids get a journal even without --journal. */
export const JOURNAL_THRESHOLD = 100;
/** The endpoint a journal names for a run on the embedded mock. */
export const EMBEDDED = 'embedded-mock';

/** Best effort: a journal that cannot take this line must not turn Ctrl-C into a crash. */
export function noteInterruption(journal: JournalWriter | undefined, signal: string, abort: boolean): void {
  try {
    journal?.write({ event: 'interrupted', signal, abort });
  } catch {}
}

export function openRunJournal(
  flags: { resume?: string; journal?: string; ignoreMissing?: boolean },
  io: CliIo,
  allIds: string[],
  groups: Group[],
  ctx: CallContext,
) {
  const given = flags.resume ?? flags.journal;
  // Absolute, so the printed --resume command works from any directory.
  const path =
    given !== undefined
      ? resolve(io.cwd, given)
      : allIds.length > JOURNAL_THRESHOLD
        ? defaultJournalPath(io.cwd, io.now())
        : undefined;
  if (path === undefined) return undefined;
  const journal = openJournal(path, io.now);
  if (flags.resume)
    journal.write({ event: 'resume', ids: groups.flatMap((g) => g.ids), unknown: groups[0]?.ids ?? [] });
  else
    journal.write({
      event: 'run',
      command: 'release-instances',
      endpoint: ctx.embedded ? EMBEDDED : ctx.baseUrl,
      ignoreMissing: flags.ignoreMissing === true,
      ids: allIds,
    });
  ctx.out.err(`Journal: ${path}`);
  return journal;
}
