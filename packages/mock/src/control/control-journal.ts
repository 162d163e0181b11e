// The control-plane journal: who changed the mock's state, apart from the API journal (a
// consumer asserting "my script released these ids" never sees its own setup calls there).
// A small ring: the newest CONTROL_JOURNAL_LIMIT calls, each a few short fields.
import type { Answer } from '../answer.js';
import type { Incoming } from '../request.js';

export interface ControlJournalEntry {
  /** ISO time the answer was sent. */
  time: string;
  method: string;
  /** The path as sent, with its query (cut at MAX_CONTROL_PATH_CHARS, then '…'). */
  path: string;
  status: number;
}

export const CONTROL_JOURNAL_LIMIT = 1000;
const MAX_CONTROL_PATH_CHARS = 256;

export class ControlJournal {
  readonly #ring: ControlJournalEntry[] = [];
  #next = 0;
  #dropped = 0;

  record(incoming: Incoming, answer: Answer) {
    const full = incoming.rawQuery ? `${incoming.rawPath}?${incoming.rawQuery}` : incoming.rawPath;
    const entry: ControlJournalEntry = {
      time: new Date().toISOString(),
      method: incoming.method,
      path: full.length > MAX_CONTROL_PATH_CHARS ? `${full.slice(0, MAX_CONTROL_PATH_CHARS)}…` : full,
      status: answer.status,
    };
    if (this.#ring.length < CONTROL_JOURNAL_LIMIT) this.#ring.push(entry);
    else {
      this.#ring[this.#next] = entry;
      this.#dropped++;
    }
    this.#next = (this.#next + 1) % CONTROL_JOURNAL_LIMIT;
  }

  /** Oldest first, with the bound and how many older calls were dropped. */
  report() {
    const full = this.#ring.length === CONTROL_JOURNAL_LIMIT;
    const requests = full ? [...this.#ring.slice(this.#next), ...this.#ring.slice(0, this.#next)] : [...this.#ring];
    return { requests, limit: { entries: CONTROL_JOURNAL_LIMIT }, dropped: this.#dropped };
  }
}
