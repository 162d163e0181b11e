// What every step of one teardown run shares: the call limit, the stop state, the waits'
// timings, and the one way a state-changing call is made (onStep before, send, classify,
// onStep after).
import { type Limit, limiter } from './limiter.js';
import type { ChangingStep, StepEvent, TeardownOptions, TeardownOutcome, TeardownStep } from './types.js';
import type { WaiterClock, WaiterOptions, WaiterTimings } from './waiter.js';

export interface RunContext {
  release: boolean;
  limit: Limit;
  /** The caller's abort signal, passed to every call. */
  signal: AbortSignal | undefined;
  /** Aborts on stopSignal, signal, or a failed onStep: waits listen to it; no new step starts. */
  halt: AbortSignal;
  zenlayerWait: WaiterTimings;
  neutronWait: WaiterTimings;
  clock: WaiterClock | undefined;
  onStep: (event: StepEvent) => void;
  /** Stops listening to the caller's signals (a long-lived signal outlives many runs). */
  dispose(): void;
}

export function runContext(options: TeardownOptions, concurrency: number): RunContext {
  const halt = new AbortController();
  const stop = () => halt.abort();
  const listened = [options.signal, options.stopSignal].filter((s) => s !== undefined);
  for (const s of listened) {
    if (s.aborted) stop();
    s.addEventListener('abort', stop, { once: true });
  }
  const hook = options.onStep;
  return {
    release: options.release ?? true,
    limit: limiter(concurrency),
    signal: options.signal,
    halt: halt.signal,
    zenlayerWait: options.zenlayerWait ?? {},
    neutronWait: options.neutronWait ?? {},
    clock: options.clock,
    dispose: () => {
      for (const s of listened) s.removeEventListener('abort', stop);
    },
    onStep: (event) => {
      if (!hook) return;
      try {
        hook(event);
      } catch (error) {
        // A journal that cannot write must not let the run go on without it.
        stop();
        throw error;
      }
    },
  };
}

/** The waiter options of a run: its timings, its clock, and the halt signal. */
export function waitOptions(ctx: RunContext, timings: WaiterTimings): WaiterOptions {
  return { ...timings, signal: ctx.halt, ...(ctx.clock && { clock: ctx.clock }) };
}

/** How a state-changing call ended. */
export type CallEnd =
  | { end: 'accepted'; requestId?: string | undefined; alreadyGone?: boolean }
  | { end: 'already-done'; code: string }
  | { end: 'refused'; code: string; reason: string; status?: number | undefined }
  | { end: 'unknown'; reason: string }
  | { end: 'not-started' };

interface Meta extends Omit<StepEvent, 'phase' | 'outcome' | 'code' | 'requestId'> {}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Sends one state-changing call with onStep around it. `alreadyDone`: codes that count as done. */
export async function changeState<T extends { requestId?: string | undefined; alreadyGone?: boolean }>(
  ctx: RunContext,
  meta: Meta,
  send: () => Promise<T>,
  alreadyDone: (code: string) => boolean = () => false,
): Promise<CallEnd> {
  if (ctx.halt.aborted) return { end: 'not-started' };
  return ctx.limit(async (): Promise<CallEnd> => {
    // Checked again: the stop may have come while this call waited for its turn.
    if (ctx.halt.aborted) return { end: 'not-started' };
    try {
      ctx.onStep({ ...meta, phase: 'before' });
    } catch {
      return { end: 'not-started' };
    }
    let ended: CallEnd;
    try {
      const answer = await send();
      ended = { end: 'accepted', requestId: answer?.requestId, ...(answer?.alreadyGone && { alreadyGone: true }) };
    } catch (error) {
      ended = classify(error, alreadyDone);
    }
    const outcome = ended.end === 'accepted' ? 'accepted' : ended.end === 'not-started' ? 'refused' : ended.end;
    try {
      ctx.onStep({
        ...meta,
        phase: 'after',
        outcome,
        ...('code' in ended && { code: ended.code }),
        ...(ended.end === 'accepted' && ended.requestId !== undefined && { requestId: ended.requestId }),
      });
    } catch {
      // The call's outcome stands; the run stops starting new steps (runContext's hook did that).
    }
    return ended;
  });
}

/** What an error from a state-changing call means for the resource. */
export function classify(error: unknown, alreadyDone: (code: string) => boolean = () => false): CallEnd {
  const e = error as { outcome?: unknown; code?: unknown; status?: unknown; name?: unknown; apiMessage?: unknown };
  const code = typeof e?.code === 'string' ? e.code : undefined;
  if (code !== undefined && alreadyDone(code)) return { end: 'already-done', code };
  // Aborted in flight (the signal's reason), or sent with no answer known.
  if (e?.outcome === 'unknown' || !(error instanceof Error) || e.outcome === undefined)
    return { end: 'unknown', reason: messageOf(error) };
  return {
    end: 'refused',
    code: code ?? String(e.name),
    reason: typeof e.apiMessage === 'string' ? e.apiMessage : messageOf(error),
    status: typeof e.status === 'number' ? e.status : undefined,
  };
}

/** The outcome a CallEnd gives a resource that stops at this step (never for accepted/already-done). */
export function stoppedAt(step: ChangingStep, ended: CallEnd): TeardownOutcome {
  if (ended.end === 'refused') return { result: 'refused', step, code: ended.code, reason: ended.reason };
  if (ended.end === 'unknown') return { result: 'unknown', step, reason: ended.reason };
  return { result: 'not-started', step };
}

/** A resource that stopped before `step`, or in it (a wait). */
export const notStarted = (step: TeardownStep): TeardownOutcome => ({ result: 'not-started', step });
