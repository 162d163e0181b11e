// Drift: what a re-read shows that the plan did not expect, judged before anything is sent.
// A resource drifted when its steps now differ from the plan's, or (Neutron) its revision or
// owner changed. It may have moved along its planned steps on its own past waits (RECYCLING
// became RECYCLE), and on a resume past calls the journal records as sent; never so that a
// call the journal records as accepted would be sent again.
// The steps are the client's (stepsFor); what counts as drift is judged against this CLI's plan file
// and journal, so it lives here.

import { type Observed, stepsFor } from '@cloud-release/client';
import type { PlannedResource } from '../plan/file.js';
import type { Recorded } from './journal.js';

const CHANGING = new Set(['terminate', 'release', 'delete']);
const NOTHING: Recorded = { sent: new Set(), accepted: new Set() };

/** Why this resource drifted, or undefined. `recorded`: what a resumed journal says of it. */
export function driftOf(planned: PlannedResource, now: Observed, recorded?: Recorded): string | undefined {
  const journal = recorded ?? NOTHING;
  const verdict = stepsFor(planned.type, now, planned.id);
  const is = `${now.status ?? 'not found'}`;
  // Gone after a call of this run that may have taken: the resume has nothing left to do.
  if (verdict.action === 'already-gone' && [...journal.sent].some((s) => CHANGING.has(s))) return undefined;
  if (verdict.action === 'refused') return `now refused (${verdict.code}): ${verdict.reason}`;
  if (planned.owner !== undefined && now.owner !== planned.owner)
    return `owner was ${planned.owner}, is ${now.owner ?? 'none'}`;
  if (planned.revision !== undefined && now.revision !== planned.revision && !journal.sent.has('delete'))
    return `revision was ${planned.revision}, is ${now.revision ?? 'none'}`;
  const steps = verdict.steps as string[];
  const repeats = steps.find((s) => CHANGING.has(s) && journal.accepted.has(s));
  if (repeats) return `status ${is} needs ${repeats} again, which the journal records as accepted`;
  const skipped = planned.steps.slice(0, planned.steps.length - steps.length);
  const suffix = steps.length <= planned.steps.length && steps.every((s, i) => s === planned.steps[skipped.length + i]);
  if (suffix && skipped.every((s) => !CHANGING.has(s) || journal.sent.has(s))) return undefined;
  const was = `${planned.status ?? 'not found'}`;
  return `status was ${was}, is ${is}: its steps would be ${steps.length ? steps.join(' → ') : 'none'}, not ${planned.steps.join(' → ')}`;
}
