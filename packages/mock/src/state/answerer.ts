// The stateful answer step: a queued fault if one matches and hits, else the spec's example when
// the request asks for one with `Prefer`, else the provider's lifecycle rules on the inventory.
// A fault's delay comes first; then a drop or a status fault answers instead, while a delay
// alone, applyThenDrop and the wire faults (reset, empty, malformed) let the real answer be made
// (the action applied) and mark it, for the transport to delay, withhold or break.
import { setImmediate } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Answer } from '../answer.js';
import { drawDelay } from '../control/fault-delay.js';
import type { Fault, FaultQueue } from '../control/faults.js';
import { exampleAnswerer } from '../pipeline.js';
import type { Lifecycle, Provider } from '../providers/provider.js';
import type { Validated } from '../request.js';
import type { RuleContext } from './outcome.js';

/** Event-loop turns an action waits; 3 let 200 pairs sent at once on fresh connections overlap. */
const ACTION_TURNS = 3;

/** Resolves `turns` turns of the event loop from now: one promise, not one a turn. */
const afterTurns = (turns: number) =>
  new Promise<void>((resolve) => {
    let left = turns;
    const turn = () => (--left === 0 ? resolve() : setImmediate(turn));
    setImmediate(turn);
  });

/**
 * The wait of every action that arrives in one turn of the event loop, shared: they resume
 * together, `turns` turns on, as each would alone (one arriving from a callback run in the same
 * phase just before the chain's first turn waits a turn fewer). Under load many actions arrive
 * in a turn: one chain of callbacks and one promise a turn, not one each, halved the stateful
 * mode's extra CPU per request through createMockFetch (47 → 24 µs, four interleaved runs) and
 * cut it by about half through the server (17–23 → 7–13 µs, two interleaved autocannon runs).
 */
function sharedTurns(turns: number): () => Promise<void> {
  let current: Promise<void> | undefined;
  return () => {
    if (!current) {
      // Queued before the chain's first turn: an action arriving after that turn starts its own.
      setImmediate(() => {
        current = undefined;
      });
      current = afterTurns(turns);
    }
    return current;
  };
}

export interface AnswererDeps {
  lifecycle: Lifecycle;
  faults: FaultQueue;
  /** Draws a fault's chance and its delay: numbers in [0, 1), like Math.random. */
  random: () => number;
}

/** The fault's delay for this hit, in ms; undefined when it has none. */
const delayOf = (fault: Fault, random: () => number) =>
  fault.latencyMs ?? (fault.delay && drawDelay(fault.delay, random));

/** The answer step, made once per mock; `ctx` is the request's own (its view of the inventory). */
export type StatefulAnswerer = (request: Validated, provider: Provider, ctx: RuleContext) => Promise<Answer>;

export function statefulAnswerer(deps: AnswererDeps): StatefulAnswerer {
  const actionTurns = sharedTurns(ACTION_TURNS);
  return async (request, provider, ctx) => {
    const fault = deps.faults.take(request.operation, deps.random);
    const delayMs = fault && delayOf(fault, deps.random);
    if (delayMs !== undefined) await sleep(delayMs);
    const marked = (answer: Answer): Answer =>
      fault ? { ...answer, fault: fault.kind, ...(delayMs !== undefined && { delayMs }) } : answer;
    if (fault?.kind === 'drop') return marked({ status: 0, note: 'dropped', operation: request.operation });
    if (fault?.kind === 'status') {
      const message = fault.message ?? `Injected fault: ${fault.status} ${fault.code}.`;
      const answer = provider.error(fault.status, fault.code, message, request.operation);
      return marked({
        ...answer,
        ...(fault.retryAfter !== undefined && {
          headers: { ...answer.headers, 'retry-after': String(fault.retryAfter) },
        }),
      });
    }
    // An action that acts later (Zenlayer's) waits a few event-loop turns before its rule runs,
    // as the real API's backend call takes time: a request for the same resource sent alongside
    // (even on a new connection: connect, accept, read) arrives meanwhile and sees this one's
    // transition under way (Inventory), even with transitionMs 0. Turns, not a timer: no fixed
    // delay per request. A delayed answer has waited already.
    if (delayMs === undefined && deps.lifecycle.actsLater(request.operation)) await actionTurns();
    const answer = request.headers.prefer
      ? await exampleAnswerer(request, provider)
      : (deps.lifecycle.answer(request, ctx) ?? (await exampleAnswerer(request, provider)));
    return marked(answer);
  };
}
