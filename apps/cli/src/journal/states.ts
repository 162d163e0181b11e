// What the journal says of each id, derived line by line with one rule set, used both when a
// journal is read back and while a run writes it (so the account a run prints is the journal's).
//
// An unknown outcome stays unknown until a read proves otherwise: a later "refused" or
// "not-sent" never overwrites an id left unknown (or "sending") by an earlier run, because a
// resumed request that is refused may be refused *because* the first one took (an instance
// already RELEASING is "not in the recycle bin"). Only a `resolved` line (a read) or an
// `accepted` outcome moves it on. Within one run, a batch's own "sending" line is followed by
// its outcome as usual.
import type { JournalEvent } from './events.js';

/** released: a read found it released (or gone); not-released: a read found it still there. */
export type IdState = 'accepted' | 'released' | 'refused' | 'unknown' | 'sending' | 'not-sent' | 'not-released';

const DONE = new Set<IdState>(['accepted', 'released']);
const OPEN = new Set<IdState>(['unknown', 'sending']);

export class IdStates {
  private readonly states = new Map<string, { state: IdState; run: number }>();
  /** Counts header lines: which run a line belongs to. */
  private run = 0;

  get(id: string): IdState | undefined {
    return this.states.get(id)?.state;
  }

  apply(event: JournalEvent): void {
    if (event.event === 'run' || event.event === 'resume') this.run++;
    else if (event.event === 'sending') this.set(event.ids, 'sending');
    else if (event.event === 'outcome') this.set(event.ids, event.outcome);
    else if (event.event === 'resolved') this.set(event.ids, event.found === 'released' ? 'released' : 'not-released');
  }

  private set(ids: string[], next: IdState): void {
    for (const id of ids) {
      const now = this.states.get(id);
      if (now && DONE.has(now.state)) continue;
      // An earlier run's unknown stays unknown: only a read or an acceptance settles it.
      const earlierUnknown =
        now !== undefined && (now.state === 'unknown' || (now.state === 'sending' && now.run !== this.run));
      if (earlierUnknown && (next === 'refused' || next === 'not-sent')) continue;
      // A new "sending" of an id already unknown leaves it unknown either way; keep its run.
      if (now && OPEN.has(now.state) && next === 'sending') continue;
      this.states.set(id, { state: next, run: this.run });
    }
  }
}
