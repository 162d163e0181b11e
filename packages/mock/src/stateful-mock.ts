// The control plane as methods on the object startMock({ mode: 'stateful' }) returns, for
// tests in the same process (the same operations as the /__mock/ routes). The stateful mode
// (state/mode.ts) makes them; this module only names them.

import type { Fault } from './control/faults.js';
import type { JournalEntry } from './control/journal.js';
import type { JournalFilter } from './control/journal-filter.js';
import type { RunningMock } from './running-mock.js';
import type { ClockReport } from './state/clock.js';
import type { Resource } from './state/resources.js';

export interface StatefulMock extends RunningMock, StatefulMethods {}

export interface StatefulMethods {
  /** The inventory now (pending transitions applied). */
  resources(): Resource[];
  /** Adds or overwrites resources; throws SeedError (nothing changed) when one is invalid. */
  addResources(resources: readonly unknown[]): Resource[];
  /** Back to the seed (empty without one); clears the journal and the fault queue. */
  reset(): void;
  /**
   * The journal: every request answered, oldest first; with a filter (`POST /__mock/requests/find`),
   * the lines it matches, e.g. `{ operation: 'ReleaseDisk', id: 'd-1', valid: true, since: '2026-12-06T11:00:00Z' }`.
   * Throws when the filter has an unknown field or a wrong value (named).
   */
  requests(filter?: JournalFilter): JournalEntry[];
  /** How many lines the filter matches (`POST /__mock/requests/count`); all without one. */
  countRequests(filter?: JournalFilter): number;
  clearRequests(): void;
  /**
   * Queues faults, e.g. `{ operation: 'ReleaseDisk', status: 429, code: 'REQUEST_LIMIT_EXCEEDED', times: 2, retryAfter: 1 }`,
   * `{ latencyMs: 800, times: 5 }`, `{ operation: 'ReleaseInstances', drop: true }`,
   * `{ operation: 'ReleaseDisk', applyThenDrop: true }`, `{ fault: 'reset', probability: 0.1 }`,
   * `{ status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE', delay: { distribution: 'lognormal', medianMs: 200, sigma: 0.5 } }`;
   * returns the faults it queued. Throws when one is invalid or the queue (at most 1,000) has no
   * room for them all (none queued).
   */
  fault(...faults: unknown[]): Fault[];
  faults(): Fault[];
  clearFaults(): void;
  /**
   * Moves the transitions' clock on by `ms` (an integer 0..86,400,000): with `transitionMs:
   * 'manual'` the only way a RECYCLING resource becomes RECYCLE. Throws when `ms` is out of range.
   */
  advance(ms: number): ClockReport;
  clock(): ClockReport;
  /** Holds a resource at `status` (a stuck resource) until unpinned; throws for an unknown id or a status its type lacks. */
  pin(target: { type: Resource['type']; id: string; status: string }): Resource;
  /** Lets it move again: a status in passage (RECYCLING, RELEASING, DELETING, DESTROYING) finishes its transition. */
  unpin(target: { type: Resource['type']; id: string }): Resource;
  /** The pinned resources. */
  pins(): Resource[];
}
