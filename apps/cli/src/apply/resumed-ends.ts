// What a resume reports of a resource its journal shows this run already sent a state-changing
// call for, and which a read now finds gone: `gone` (this run took it there), not `already-gone`
// (which says someone else did, and nothing was sent). The client cannot tell the two apart:
// it sees only this process's calls; the journal sees the whole run.
import type { TeardownResult } from '@cloud-release/client';
import type { ApplyJournal } from './journal.js';

export function creditJournal(results: TeardownResult[], journal: ApplyJournal | undefined): TeardownResult[] {
  if (!journal) return results;
  return results.map((r) => {
    if (r.result !== 'already-gone') return r;
    const sent = journal.recorded.get(`${r.type}:${r.id}`)?.sent;
    return sent !== undefined && sent.size > 0 ? { ...r, result: 'gone' } : r;
  });
}
