// What release-instances prints about a whole run: the summary of a success, and the account
// of a run that was interrupted or did not fully succeed, with the command that resumes it.
import type { ReleaseInstancesResult } from '@cloud-release/client';
import type { Account } from './instance-run.js';
import type { Out } from './io.js';
import type { JournalWriteError } from './journal/writer.js';
import { plural, sanitize } from './text.js';
import { EXIT } from './usage.js';

/** The command that finishes a run from its journal. */
export function resumeCommand(journal: string, endpoint: string | undefined): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `cloud-release release-instances --resume ${quote(journal)}${endpoint ? ` --endpoint ${quote(endpoint)}` : ''}`;
}

/** Batches listed one per line up to this many; beyond, --json and the journal have them. */
const LISTED_BATCHES = 10;

export function successSummary(
  r: ReleaseInstancesResult,
  journal: string | undefined,
  earlier: number,
  foundReleased: string[],
): string {
  const gone = r.batches.filter((b) => b.alreadyGone).reduce((n, b) => n + b.ids.length, 0);
  const requests = plural(r.batches.length, 'request');
  const head =
    r.batches.length === 0
      ? 'Nothing was sent again.'
      : gone === 0
        ? `Release of ${plural(r.ids.length, 'instance')} accepted in ${requests}; it completes asynchronously.`
        : `Release of ${plural(r.ids.length, 'instance')} done in ${requests}: ${r.ids.length - gone} accepted (it completes asynchronously), ${gone} already gone.`;
  const listed = r.batches.length <= LISTED_BATCHES;
  const orTheJournal = journal ? ' or the journal' : '';
  return [
    head,
    ...(listed
      ? r.batches.map(
          (b) =>
            `  ${plural(b.ids.length, 'instance')} ${b.alreadyGone ? 'already gone' : 'accepted'}: requestId ${sanitize(String(b.requestId))}`,
        )
      : [`  ${r.batches.length} requestIds: see --json${orTheJournal}.`]),
    ...(foundReleased.length > 0
      ? [`  ${plural(foundReleased.length, 'instance')} with an unknown outcome found released by a read.`]
      : []),
    ...(earlier > 0 ? [`  ${plural(earlier, 'instance')} accepted earlier, as the journal records.`] : []),
    ...(journal ? [`Journal: ${journal}`] : []),
  ].join('\n');
}

export interface RunAccount extends Account {
  journal: string | undefined;
  resume: string | undefined;
  interrupted: boolean;
  /** RequestIds answered more than once in this run (see request-ids.ts). */
  repeatedRequestIds: string[];
}

/** The JSON fields of an account, for --json output. */
export function accountJson(a: RunAccount) {
  const { total, accepted, refused, unknown, notSent, journal, resume, interrupted, repeatedRequestIds } = a;
  return {
    interrupted,
    total,
    accepted,
    refused,
    unknown: unknown.length,
    unknownIds: unknown,
    notSent,
    journal,
    resume,
    ...(repeatedRequestIds.length > 0 && { repeatedRequestIds }),
  };
}

/**
 * The one line a journal write failure prints: what the journal records (the account is
 * derived from its lines only), what it lost, and that no request was sent after it.
 */
export function journalFailureLine(error: JournalWriteError, a: RunAccount, beforeAnything: boolean): string {
  const lost = `error: ${error.message}`;
  if (beforeAnything) return `${lost}; nothing was sent.`;
  return (
    `${lost}; it records ${a.accepted} of ${plural(a.total, 'instance')} accepted, ${a.refused} refused, ` +
    `${a.unknown.length} sent with an unknown outcome, ${a.notSent} not sent; nothing after that line is recorded (an outcome lost there ` +
    `counts as unknown), and no request was sent after it.${a.resume ? ` Once there is room: ${a.resume}` : ''}`
  );
}

export function printAccount(a: RunAccount, out: Out): void {
  const head = a.interrupted ? 'Interrupted' : 'Not every instance was released';
  out.err(
    `${head}: ${a.accepted} of ${plural(a.total, 'instance')} accepted, ${a.refused} refused, ${a.unknown.length} with an unknown outcome, ${a.notSent} not sent.`,
  );
  if (a.unknown.length)
    out.err(
      '  Unknown means the server may have released them; --resume reads them first and sends again only those still there.',
    );
  if (a.journal) out.err(`Journal: ${a.journal}`);
  if (a.resume) out.err(`Resume with: ${a.resume}`);
}

/** A resumed journal with nothing left to read or send. */
export interface NothingLeft {
  journal: string;
  endpoint: string;
  total: number;
}

/** A resume of a finished journal: not an error, the work is done (exit 0). */
export function printNothingLeft(n: NothingLeft, out: Out): number {
  if (out.json)
    out.out(
      JSON.stringify(
        { ok: true, endpoint: n.endpoint, total: n.total, accepted: n.total, journal: n.journal },
        null,
        2,
      ),
    );
  else out.out(`Nothing to resume: ${n.journal} records all ${plural(n.total, 'instance')} as released.`);
  return EXIT.ok;
}
