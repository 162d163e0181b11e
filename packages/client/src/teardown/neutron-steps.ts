// One Neutron port's flow: read → refuse what the port API cannot delete → DELETE with
// If-Match: revision_number=<read> → a 412 is drift, reported with the revision now, never
// retried → a 404 on GET confirms.
import { isPortNotFound } from './acceptors-neutron.js';
import type { NeutronTeardownClient, PortView } from './clients.js';
import { portRefusal } from './neutron-refusals.js';
import { changeState, classify, notStarted, type RunContext, stoppedAt, waitOptions } from './run-context.js';
import type { Ended } from './types.js';
import { waitUntilNeutronPortsGone } from './waiters-neutron.js';

export async function neutronPort(ctx: RunContext, client: NeutronTeardownClient, id: string): Promise<Ended> {
  const opts = ctx.signal ? { signal: ctx.signal } : {};
  if (ctx.halt.aborted) return notStarted('read');
  let port: PortView;
  try {
    port = await ctx.limit(() => client.getPort(id, opts));
  } catch (error) {
    if (isPortNotFound(error)) return { result: 'already-gone', status: null };
    const ended = classify(error);
    return ended.end === 'refused'
      ? { result: 'refused', step: 'read', code: ended.code, reason: ended.reason }
      : notStarted('read');
  }
  const status = port.status ?? null;
  const refusal = portRefusal(port);
  if (refusal) return { result: 'refused', step: 'delete', ...refusal, status };
  const revision = port.revision_number;
  if (!Number.isSafeInteger(revision))
    return {
      result: 'refused',
      step: 'delete',
      code: 'NoRevisionNumber',
      reason: `port ${id} shows no revision_number, so it cannot be deleted with If-Match`,
      status,
    };
  const read = revision as number;
  const ended = await changeState(
    ctx,
    { step: 'delete', provider: 'neutron', type: 'neutron-port', ids: [id], action: 'DeletePort', revision: read },
    () => client.deletePort(id, { ...opts, ignoreMissing: true, ifMatchRevision: read }),
  );
  if (ended.end === 'accepted' && ended.alreadyGone) return { result: 'already-gone', status: null };
  if (ended.end === 'refused' && ended.status === 412) {
    // Drift: someone changed the port since it was read. Read it once more to say how.
    const now = await ctx.limit(() => client.getPort(id, opts)).catch(() => undefined);
    return {
      result: 'refused',
      step: 'delete',
      code: ended.code,
      reason: ended.reason,
      revision: { read, current: now?.revision_number },
      status: now?.status ?? status,
    };
  }
  if (ended.end !== 'accepted') return { ...stoppedAt('delete', ended), status };
  const reader = { getPort: (p: string, o?: { signal?: AbortSignal }) => ctx.limit(() => client.getPort(p, o)) };
  const wait = await waitUntilNeutronPortsGone(reader, [id], waitOptions(ctx, ctx.neutronWait));
  const last = wait.statuses[id];
  const seen = last === undefined ? { status } : { status: last };
  if (wait.verdicts[id] === 'success') return { result: 'gone', status: null };
  if (wait.state === 'timeout') return { result: 'timeout', step: 'wait-gone', ...seen };
  if (wait.verdicts[id] === 'failure' || wait.error !== undefined) {
    const why = wait.error === undefined ? undefined : classify(wait.error);
    return {
      result: 'refused',
      step: 'wait-gone',
      code: why && 'code' in why ? why.code : 'UNEXPECTED_STATUS',
      reason: why && 'reason' in why ? why.reason : `port ${id} shows status ${last} after its delete`,
      ...seen,
    };
  }
  return { ...notStarted('wait-gone'), ...seen };
}
