// What release-instances prints about a whole run: the summary of a success, and the account
// of a run that was interrupted or did not fully succeed, with the command that resumes it.
import type { ReleaseInstancesResult } from '@cloud-release/client';
import type { Account } from './instance-run.js';
import type { Out } from './io.js';
import { plural, sanitize } from './text.js';

/** The command that finishes a run from its journal. */
export function resumeCommand(journal: string, endpoint: string | undefined): string {
  const quote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
  return `cloud-release release-instances --resume ${quote(journal)}${endpoint ? ` --endpoint ${quote(endpoint)}` : ''}`;
}

/** Batches listed one per line up to this many; beyond, --json and the journal have them. */
const LISTED_BATCHES = 10;

export function successSummary(r: ReleaseInstancesResult, journal: string | undefined, earlier: number): string {
  const gone = r.batches.filter((b) => b.alreadyGone).reduce((n, b) => n + b.ids.length, 0);
  const requests = plural(r.batches.length, 'request');
  const head =
    gone === 0
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
    ...(earlier > 0 ? [`  ${plural(earlier, 'instance')} accepted earlier, as the journal records.`] : []),
    ...(journal ? [`Journal: ${journal}`] : []),
  ].join('\n');
}

export interface RunAccount extends Account {
  journal: string | undefined;
  resume: string | undefined;
  interrupted: boolean;
}

/** The JSON fields of an account, for --json output. */
export function accountJson(a: RunAccount) {
  const { total, accepted, refused, unknown, notSent, journal, resume, interrupted } = a;
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
  };
}

export function printAccount(a: RunAccount, out: Out): void {
  const head = a.interrupted ? 'Interrupted' : 'Not every instance was released';
  out.err(
    `${head}: ${a.accepted} of ${plural(a.total, 'instance')} accepted, ${a.refused} refused, ${a.unknown.length} with an unknown outcome, ${a.notSent} not sent.`,
  );
  if (a.unknown.length)
    out.err('  Unknown means the server may have released them; --resume re-sends them with --ignore-missing.');
  if (a.journal) out.err(`Journal: ${a.journal}`);
  if (a.resume) out.err(`Resume with: ${a.resume}`);
}
