// A WaiterClock whose time moves only when a waiter sleeps: tests see every delay asked for
// and when each poll happened, without waiting.
import type { WaiterClock } from '../../src/index.js';

export interface FakeClock extends WaiterClock {
  /** Each sleep's length, in order. */
  sleeps: number[];
}

export function fakeClock(random: () => number = () => 0.5, start = 1_000_000): FakeClock {
  let time = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => time,
    random,
    async sleep(ms, signal) {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      time += ms;
    },
  };
}
