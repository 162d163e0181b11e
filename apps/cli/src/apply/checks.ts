// What apply checks before anything is sent: the plan's endpoints and resources, a resumed
// journal's account, and drift (every resource read again and judged against the plan).
import type { Out } from '../io.js';
import { EMBEDDED_ENDPOINT } from '../journal/lines.js';
import type { Plan, PlannedResource } from '../plan/file.js';
import { observeAll } from '../plan/observe.js';
import type { Endpoints, Providers } from '../plan/providers.js';
import { KINDS } from '../plan/steps.js';
import { checkEndpoint } from '../target.js';
import { plural, sanitize } from '../text.js';
import { UsageError } from '../usage.js';
import { driftOf } from './drift.js';
import type { ApplyJournal } from './journal.js';

/** The plan's endpoints as flags would give them: "embedded-mock" means none. */
export function endpointsOf(plan: Plan, path: string): Endpoints {
  const given: Endpoints = {};
  for (const api of ['zenlayer', 'neutron'] as const) {
    const value = plan.endpoints?.[api];
    if (value === undefined || value === EMBEDDED_ENDPOINT) continue;
    if (typeof value !== 'string') throw new UsageError(`plan ${path}: "endpoints.${api}" must be a URL`);
    given[api] = checkEndpoint(value, `plan ${path}: "endpoints.${api}"`)!;
  }
  return given;
}

export function toDestroy(plan: Plan, path: string): PlannedResource[] {
  return plan.resources.filter((r, i) => {
    const ok =
      typeof r === 'object' &&
      r !== null &&
      KINDS.includes(r.type) &&
      typeof r.id === 'string' &&
      r.id !== '' &&
      Array.isArray(r.steps);
    if (!ok) throw new UsageError(`plan ${path}: resources[${i}] is not a planned resource`);
    return r.action === 'destroy';
  });
}

/** The same account as the journal being resumed (the plan, hence the endpoints, is checked by digest). */
export function checkResume(journal: ApplyJournal, providers: Providers, path: string): void {
  for (const h of journal.headers) {
    if (h.account !== providers.account)
      throw new UsageError(
        `--resume ${path}: line ${h.line}: written by ${h.account}; resume with the credentials that wrote it`,
      );
  }
}

export async function checkDrift(
  destroy: PlannedResource[],
  providers: Providers,
  journal: ApplyJournal | undefined,
  out: Out,
): Promise<string[]> {
  out.err(`Reading ${plural(destroy.length, 'resource')} again to check for drift…`);
  const now = await observeAll(
    destroy.map((r) => ({ kind: r.type, id: r.id })),
    providers,
  );
  const drifted: string[] = [];
  for (const r of destroy) {
    const why = driftOf(r, now.get(`${r.type}:${r.id}`)!, journal?.recorded.get(`${r.type}:${r.id}`));
    if (why !== undefined) drifted.push(`${r.type} ${r.id}: ${sanitize(why)}`);
  }
  return drifted;
}
