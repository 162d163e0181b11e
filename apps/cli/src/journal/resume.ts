// What a resume may do with a journal: only continue it where and as whom it was written (each
// run line is compared, and a difference is refused naming the field), and send only what the
// journal does not record as done — after a read has settled every unknown outcome.
import { UsageError } from '../usage.js';
import type { Header } from './events.js';
import type { JournalRead } from './read.js';

/** How a resume is told to be called instead, for each compared field. */
const FIX: Record<'endpoint' | 'account', (wanted: string) => string> = {
  endpoint: (wanted) => (wanted.includes('://') ? `resume with --endpoint ${wanted}` : 'resume with no --endpoint'),
  account: () => 'resume with the credentials that wrote it',
};

export function checkResumable(journal: JournalRead, own: Pick<Header, 'endpoint' | 'account'>): void {
  for (const header of journal.headers)
    for (const field of ['endpoint', 'account'] as const)
      if (header[field] !== own[field])
        throw new UsageError(
          `--resume ${journal.path}: line ${header.line}: "${field}" is ${header[field]}, this run's is ${own[field]}: ${FIX[field](header[field])}`,
        );
}

export interface ResumePlan {
  /** Sent, outcome unknown: to be read before anything is re-sent. */
  unknown: string[];
  /** Never sent, refused, or read as still there: to be sent. */
  rest: string[];
  /** Recorded as accepted, or read as released. */
  done: number;
}

export function resumePlan(journal: JournalRead): ResumePlan {
  const plan: ResumePlan = { unknown: [], rest: [], done: 0 };
  for (const id of journal.ids) {
    const state = journal.states.get(id);
    if (state === 'accepted' || state === 'released') plan.done++;
    else if (state === 'unknown' || state === 'sending') plan.unknown.push(id);
    else plan.rest.push(id);
  }
  return plan;
}
