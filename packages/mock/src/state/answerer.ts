// The stateful answer step: a queued fault if one matches, else the spec's example when the
// request asks for one with `Prefer`, else the provider's lifecycle rules on the inventory (a
// latency or applyThenDrop fault lets that answer be made, then delays or withholds it).
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import type { FaultQueue } from '../control/faults.js';
import { type Answerer, exampleAnswerer } from '../pipeline.js';
import type { Lifecycle } from '../providers/provider.js';
import type { RuleContext } from './outcome.js';

/** Event-loop turns an action waits; 3 let 200 pairs sent at once on fresh connections overlap. */
const ACTION_TURNS = 3;

export interface AnswererDeps {
  lifecycle: Lifecycle;
  ctx: RuleContext;
  faults: FaultQueue;
}

export function statefulAnswerer(deps: AnswererDeps): Answerer {
  return async (request, provider) => {
    const fault = deps.faults.take(request.operation);
    if (fault?.kind === 'drop') return { status: 0, note: 'dropped', operation: request.operation, fault: 'drop' };
    if (fault?.kind === 'status') {
      const message = fault.message ?? `Injected fault: ${fault.status} ${fault.code}.`;
      const answer = provider.error(fault.status, fault.code, message, request.operation);
      return {
        ...answer,
        fault: 'status',
        ...(fault.retryAfter !== undefined && {
          headers: { ...answer.headers, 'retry-after': String(fault.retryAfter) },
        }),
      };
    }
    if (fault?.kind === 'latency') await sleep(fault.latencyMs);
    // An action that acts later (Zenlayer's) waits a few event-loop turns before its rule runs,
    // as the real API's backend call takes time: a request for the same resource sent alongside
    // (even on a new connection: connect, accept, read) arrives meanwhile and sees this one's
    // transition under way (Inventory), even with transitionMs 0. Turns, not a timer: no fixed
    // delay per request.
    else if (deps.lifecycle.actsLater(request.operation))
      for (let turn = 0; turn < ACTION_TURNS; turn++) await setImmediate();
    const answer = request.headers.prefer
      ? await exampleAnswerer(request, provider)
      : (deps.lifecycle.answer(request, deps.ctx) ?? (await exampleAnswerer(request, provider)));
    // applyThenDrop: the action above was applied; the transport drops the connection instead
    // of sending its answer.
    return fault ? { ...answer, fault: fault.kind === 'latency' ? 'latency' : 'applyThenDrop' } : answer;
  };
}
