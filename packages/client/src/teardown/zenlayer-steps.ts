// One Zenlayer flow for up to 100 resources of one type, each carried on its own:
// read → terminate if needed → wait for the recycle bin → release → wait until gone.
// The reads, the waits and (for instances) the release are one call per 100 ids.

import { ZenlayerBatchError } from '../zenlayer/batch-error.js';
import {
  isZenlayerTransient,
  ZENLAYER_TABLES,
  ZENLAYER_WAIT,
  type ZenlayerTarget,
  type ZenlayerType,
} from './acceptors-zenlayer.js';
import type { ZenlayerReader, ZenlayerTeardownClient } from './clients.js';
import {
  type CallEnd,
  changeState,
  classify,
  notStarted,
  type RunContext,
  stoppedAt,
  waitOptions,
} from './run-context.js';
import { stepsFor } from './steps-for.js';
import type { Ended, TeardownOutcome, TeardownStep } from './types.js';
import { type WaiterResult, waitFor } from './waiter.js';
import { describePoll, waitForZenlayer } from './waiters-zenlayer.js';

/** The terminate of each type: its action, and the codes that say "already in the recycle bin". */
const TERMINATE = {
  instance: {
    action: 'TerminateInstance',
    done: ['OPERATION_DENIED_INSTANCE_RECYCLED', 'INVALID_INSTANCE_NOT_FOUND'],
  },
  // A zec disk's first ReleaseDisk is its terminate: it moves the disk to the recycle bin.
  disk: {
    action: 'ReleaseDisk',
    done: ['UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE', 'INVALID_DISK_NOT_FOUND', 'OPERATION_FAILED_RESOURCE_NOT_FOUND'],
  },
  // The Terraform provider accepts the instance's code here too (the API's port answer).
  port: {
    action: 'TerminatePort',
    done: [
      'OPERATION_DENIED_INSTANCE_RECYCLED',
      'SELF_SERVICE_PORT_NOT_FOUND',
      'INVALID_PORT_NOT_FOUND',
      'OPERATION_FAILED_RESOURCE_NOT_FOUND',
    ],
  },
} as const;

const RELEASE_ACTION = { instance: 'ReleaseInstances', disk: 'ReleaseDisk', port: 'DestroyPort' } as const;

function terminate(client: ZenlayerTeardownClient, type: ZenlayerType, id: string, signal?: AbortSignal) {
  const opts = signal ? { signal } : {};
  if (type === 'instance') return client.terminateInstance(id, opts);
  if (type === 'port') return client.terminatePort(id, opts);
  return client.releaseDisk(id, opts);
}

/** A wait's end for one id, or 'ready' when it reached the target and is still listed. */
function afterWait(
  step: TeardownStep,
  type: ZenlayerType,
  id: string,
  wait: WaiterResult,
  before: string | null | undefined,
): Ended | 'ready' {
  // The last status seen: this wait's, else what was known before it (the read's).
  const status = id in wait.statuses ? wait.statuses[id] : before;
  const seen = status === undefined ? {} : { status };
  const verdict = wait.verdicts[id];
  if (verdict === 'success')
    return status === null || status === ZENLAYER_TABLES[type].ended ? { result: 'gone', ...seen } : 'ready';
  if (verdict === 'failure')
    return {
      result: 'refused',
      step,
      code: 'UNEXPECTED_STATUS',
      reason: `${type} ${id} is ${status}, a status this wait does not expect`,
      ...seen,
    };
  if (wait.state === 'timeout') return { result: 'timeout', step, ...seen };
  if (wait.error !== undefined) {
    const ended = classify(wait.error);
    const code = 'code' in ended ? ended.code : 'READ_FAILED';
    const reason = 'reason' in ended ? ended.reason : String(wait.error);
    return { result: 'refused', step, code, reason, ...seen };
  }
  return { ...notStarted(step), ...seen };
}

/** Carries `ids` (one type, ≤ 100) as far as the run allows; the end of each id. */
export async function zenlayerChunk(
  ctx: RunContext,
  client: ZenlayerTeardownClient,
  type: ZenlayerType,
  ids: string[],
): Promise<Map<string, Ended>> {
  const ends = new Map<string, Ended>();
  const all = (outcome: (id: string) => Ended, which: string[]) => {
    for (const id of which) ends.set(id, outcome(id));
    return ends;
  };

  // read: one round of Describe calls, through the run's call limit; transient answers re-read
  const reader: ZenlayerReader = {
    describeInstances: (i, o) => ctx.limit(() => client.describeInstances(i, o)),
    describeDisks: (i, o) => ctx.limit(() => client.describeDisks(i, o)),
    describePorts: (i, o) => ctx.limit(() => client.describePorts(i, o)),
  };
  const waitUntil = (target: ZenlayerTarget, which: string[]) =>
    waitForZenlayer(reader, type, target, which, waitOptions(ctx, ctx.zenlayerWait));
  const read = await waitFor(
    {
      ids,
      poll: describePoll(reader, type),
      judge: () => 'success',
      transient: isZenlayerTransient,
      defaults: ZENLAYER_WAIT,
    },
    waitOptions(ctx, ctx.zenlayerWait),
  );
  if (read.state !== 'success') {
    const ended = read.error === undefined ? undefined : classify(read.error);
    const outcome: Ended =
      ended?.end === 'refused'
        ? { result: 'refused', step: 'read', code: ended.code, reason: ended.reason }
        : read.state === 'timeout'
          ? { result: 'timeout', step: 'read' }
          : notStarted('read');
    return all(() => outcome, ids);
  }
  const seen = new Map(Object.entries(read.statuses));
  const toTerminate: string[] = [];
  const toRecycle: string[] = [];
  const toRelease: string[] = [];
  const toGone: string[] = [];
  for (const id of ids) {
    const status = seen.get(id) ?? null;
    // The first step the plan of this status names decides where the resource joins the flow.
    const first = stepsFor(type, { status }, id).steps[0];
    if (first === undefined) ends.set(id, { result: 'already-gone', status });
    else if (first === 'release') toRelease.push(id);
    else if (first === 'wait-gone') toGone.push(id);
    else if (first === 'wait-recycle-bin') toRecycle.push(id);
    else toTerminate.push(id);
  }
  const last = new Map<string, string | null>(seen);

  // terminate (each on its own call; the API takes one id)
  const spec = TERMINATE[type];
  await Promise.all(
    toTerminate.map(async (id) => {
      const ended: CallEnd = await changeState(
        ctx,
        { step: 'terminate', provider: 'zenlayer', type, ids: [id], action: spec.action },
        () => terminate(client, type, id, ctx.signal) as Promise<{ requestId?: string }>,
        (code) => (spec.done as readonly string[]).includes(code),
      );
      if (ended.end === 'accepted' || ended.end === 'already-done') toRecycle.push(id);
      else ends.set(id, { ...stoppedAt('terminate', ended), status: last.get(id) ?? null });
    }),
  );

  // wait for the recycle bin
  if (toRecycle.length > 0) {
    const wait = await waitUntil('recycle-bin', toRecycle);
    for (const id of toRecycle) {
      const verdict = afterWait('wait-recycle-bin', type, id, wait, last.get(id));
      if (wait.statuses[id] !== undefined) last.set(id, wait.statuses[id]!);
      if (verdict === 'ready') toRelease.push(id);
      else ends.set(id, verdict);
    }
  }

  // release: instances in one call for the chunk (≤ 100 ids), disks and ports one by one
  if (!ctx.release) {
    all((id) => ({ result: 'in-recycle-bin', status: last.get(id) ?? null }), toRelease);
    toRelease.length = 0;
  }
  const released = await release(ctx, client, type, toRelease, (id, outcome) =>
    ends.set(id, { ...outcome, status: last.get(id) ?? null }),
  );
  toGone.push(...released);

  // wait until gone
  if (toGone.length > 0) {
    const wait = await waitUntil('gone', toGone);
    for (const id of toGone) {
      const verdict = afterWait('wait-gone', type, id, wait, last.get(id));
      // On the way to gone, a wait's success is always gone (afterWait): never 'ready'.
      if (verdict !== 'ready') ends.set(id, verdict);
    }
  }
  return ends;
}

/** Sends the release(s); reports each id that did not get through; returns the ids released. */
async function release(
  ctx: RunContext,
  client: ZenlayerTeardownClient,
  type: ZenlayerType,
  ids: string[],
  stop: (id: string, outcome: TeardownOutcome) => void,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const action = RELEASE_ACTION[type];
  const opts = { ignoreMissing: true, ...(ctx.signal && { signal: ctx.signal }) };
  if (type === 'instance') {
    const accepted: string[] = [];
    const reported = new Set<string>();
    const report = (id: string, outcome: TeardownOutcome) => {
      reported.add(id);
      stop(id, outcome);
    };
    const ended = await changeState(ctx, { step: 'release', provider: 'zenlayer', type, ids, action }, async () => {
      try {
        await client.releaseInstances(ids, { ...opts, concurrency: 1 });
        return {};
      } catch (error) {
        // A batch error accounts for each id: released ones go on, the others stop here.
        if (!(error instanceof ZenlayerBatchError)) throw error;
        for (const b of error.released) accepted.push(...b.ids);
        for (const b of error.failed) for (const id of b.ids) report(id, stoppedAt('release', classify(b.error)));
        for (const b of error.unknown)
          for (const id of b.ids) report(id, { result: 'unknown', step: 'release', reason: b.error.message });
        // The batch's own error, so onStep's `after` carries the provider's code.
        throw error.unknown[0]?.error ?? error.failed[0]?.error ?? error;
      }
    });
    if (ended.end === 'accepted') return ids;
    for (const id of ids) if (!reported.has(id) && !accepted.includes(id)) stop(id, stoppedAt('release', ended));
    return accepted;
  }
  const out: string[] = [];
  await Promise.all(
    ids.map(async (id) => {
      const ended = await changeState(ctx, { step: 'release', provider: 'zenlayer', type, ids: [id], action }, () =>
        type === 'disk' ? client.releaseDisk(id, opts) : client.destroyPort(id, opts),
      );
      if (ended.end === 'accepted' || ended.end === 'already-done') out.push(id);
      else stop(id, stoppedAt('release', ended));
    }),
  );
  return out;
}
