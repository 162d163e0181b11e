// Drift: what a re-read shows that the plan did not expect, judged before anything is sent.
// A resource drifted when its steps now differ from the plan's, or (Neutron) its revision or
// owner changed. On a resume the plan's steps may have advanced, but only past calls the
// journal records as sent, and never so that a call it records as accepted would be repeated.
// This judgement belongs in the client beside teardown() (see plan/steps.ts).
import type { PlannedResource } from '../plan/file.js';
import { type Observed, stepsFor } from '../plan/steps.js';
import type { Recorded } from './journal.js';

const CHANGING = new Set(['terminate', 'release', 'delete']);

/** Why this resource drifted, or undefined. */
export function driftOf(planned: PlannedResource, now: Observed, recorded?: Recorded): string | undefined {
  const verdict = stepsFor(planned.type, now, planned.id);
  const was = `${planned.status ?? 'not found'}`;
  const is = `${now.status ?? 'not found'}`;
  if (verdict.action === 'already-gone' && recorded !== undefined) return undefined; // a resumed call took
  if (verdict.action === 'refused') return `now refused (${verdict.code}): ${verdict.reason}`;
  if (planned.owner !== undefined && now.owner !== planned.owner)
    return `owner was ${planned.owner}, is ${now.owner ?? 'none'}`;
  const deleteSent = recorded?.sent.has('delete') === true;
  if (planned.revision !== undefined && now.revision !== planned.revision && !deleteSent)
    return `revision was ${planned.revision}, is ${now.revision ?? 'none'}`;
  const steps = verdict.steps as string[];
  const same = steps.length === planned.steps.length && steps.every((s, i) => s === planned.steps[i]);
  if (same && !steps.some((s) => recorded?.accepted.has(s))) return undefined;
  if (recorded !== undefined) {
    const skipped = planned.steps.slice(0, planned.steps.length - steps.length);
    const suffix = steps.every((s, i) => s === planned.steps[skipped.length + i]);
    const repeats = steps.find((s) => CHANGING.has(s) && recorded.accepted.has(s));
    if (repeats) return `status ${is} needs ${repeats} again, which the journal records as accepted`;
    if (suffix && skipped.every((s) => !CHANGING.has(s) || recorded.sent.has(s))) return undefined;
  }
  return `status was ${was}, is ${is}: its steps would be ${steps.length ? steps.join(' → ') : 'none'}, not ${planned.steps.join(' → ')}`;
}
