// The clock that times the stateful mock's transitions. By default it is the mock's clock
// (startMock's `now`, else the wall clock); with `transitionMs: 'manual'` it stands still until
// advanced, so a rehearsal holds a resource in RECYCLING for as long as it likes (a waiter
// times out against it) and then moves on. Advancing works in either mode: it skips ahead.
import { InvalidControlInput, shown } from './control-input.js';
import { DEFAULT_TRANSITION_MS, type StatefulOptions } from './options.js';

/** One advance moves the clock at most a day: a Zenlayer phase is minutes, and a typo of 1e20 is refused. */
export const MAX_ADVANCE_MS = 86_400_000;

export interface ClockReport {
  /** True when the clock moves only when advanced (`transitionMs: 'manual'`). */
  manual: boolean;
  /** How long a transition takes on this clock. */
  transitionMs: number;
  /** The sum of every advance since the mock started. */
  advancedMs: number;
}

export class TransitionClock {
  readonly manual: boolean;
  readonly transitionMs: number;
  #advancedMs = 0;

  constructor(
    transitionMs: StatefulOptions['transitionMs'],
    private readonly wall: () => number,
  ) {
    if (
      transitionMs !== undefined &&
      transitionMs !== 'manual' &&
      !(Number.isInteger(transitionMs) && transitionMs >= 0)
    )
      throw new TypeError(`transitionMs must be an integer ≥ 0 or 'manual' (got ${shown(transitionMs)})`);
    this.manual = transitionMs === 'manual';
    // A manual clock keeps the default length: what matters is that nothing passes unless advanced.
    this.transitionMs = typeof transitionMs === 'number' ? transitionMs : DEFAULT_TRANSITION_MS;
  }

  now(): number {
    return (this.manual ? 0 : this.wall()) + this.#advancedMs;
  }

  /** Moves the clock on by `ms` (an integer 0..MAX_ADVANCE_MS); throws InvalidControlInput otherwise. */
  advance(ms: unknown): ClockReport {
    if (!(typeof ms === 'number' && Number.isInteger(ms) && ms >= 0 && ms <= MAX_ADVANCE_MS))
      throw new InvalidControlInput([`advanceMs must be an integer 0..${MAX_ADVANCE_MS} (one day) (got ${shown(ms)})`]);
    this.#advancedMs += ms;
    return this.report();
  }

  report(): ClockReport {
    return { manual: this.manual, transitionMs: this.transitionMs, advancedMs: this.#advancedMs };
  }
}
