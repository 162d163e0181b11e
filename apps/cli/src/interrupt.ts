// Ctrl-C during a release: the first SIGINT/SIGTERM stops new batches and lets the ones in
// flight finish (within a bound, so a hung server cannot hold the terminal); a second signal,
// or the bound, aborts them, and they are recorded as unknown.
import type { SignalSource } from './io.js';

/** How long the first signal waits for batches in flight before aborting them. */
export const DRAIN_MS = 30_000;

export interface Interruption {
  /** Aborts on the first signal: no new batch starts. */
  stopSignal: AbortSignal;
  /** Aborts on the second signal or when the drain bound passes: batches in flight end as unknown. */
  signal: AbortSignal;
  dispose(): void;
}

export interface InterruptHooks {
  onStop(signal: string, drainMs: number): void;
  onAbort(reason: string): void;
}

export function watchInterrupts(source: SignalSource, hooks: InterruptHooks, drainMs = DRAIN_MS): Interruption {
  const stop = new AbortController();
  const abort = new AbortController();
  let by: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  const abortNow = (reason: string) => {
    if (abort.signal.aborted) return;
    hooks.onAbort(reason);
    abort.abort(new Error(`aborted: ${reason}`));
  };
  const listeners = (['SIGINT', 'SIGTERM'] as const).map((name) => {
    const listener = () => {
      if (by === undefined) {
        by = name;
        hooks.onStop(name, drainMs);
        stop.abort(new Error(`stopped: ${name}`));
        timer = setTimeout(() => abortNow(`still in flight after ${drainMs / 1000} s`), drainMs);
      } else abortNow(`second signal (${name})`);
    };
    source.on(name, listener);
    return [name, listener] as const;
  });
  return {
    stopSignal: stop.signal,
    signal: abort.signal,
    dispose() {
      clearTimeout(timer);
      for (const [name, listener] of listeners) source.off(name, listener);
    },
  };
}
