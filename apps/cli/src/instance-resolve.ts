// On --resume, ids whose release outcome is unknown are read (DescribeInstances, up to 100 ids
// a request, as the API allows) before anything is sent again: re-sending blind is what turned
// an accepted release into "refused" (a 403 while the instance was RELEASING) and then "not
// released" (a 404 once it was gone).
//
// Decision: after a release attempt, an instance that is gone (not listed), RELEASING, or
// DESTROYING (the state Zenlayer's async destroys pass through), or still in RECYCLE, counts as
// released. RECYCLE is the questionable one: a vm instance must be in RECYCLE for the release
// to be accepted at all, so a read cannot tell "accepted, not yet moving" from "never arrived".
// We follow the rule the journal's design set (issue text: "RELEASING, DESTROYING, RECYCLE
// after a release attempt, or gone, count as released"): the zec API documents that a release
// may first leave an instance in the recycle bin, which the provider then empties; re-sending
// could only be refused or accepted again, never undo anything. The journal keeps the status
// the read saw (`"status":"RECYCLE"` on the `resolved` line) and the CLI names those ids on
// stderr, so a user who wants them purged now can release them again.
// Any other status (RUNNING, STOPPED, …) means the release did not take: the id is sent again.
import { MAX_IDS_PER_REQUEST, OutcomeUnknownError, type ZenlayerClient } from '@cloud-release/client';
import type { Found } from './journal/events.js';

export const RELEASED_STATUSES: ReadonlySet<string> = new Set(['RELEASING', 'DESTROYING', 'RECYCLE']);

/** What one read said of some ids: one entry per (answer, status). */
export interface Resolution {
  ids: string[];
  found: Found;
  /** The status read, or null: not listed, i.e. gone. */
  status: string | null;
  requestId: string | undefined;
}

const unreadable = (ids: string[], what: string) =>
  new OutcomeUnknownError(
    `DescribeInstances answered with ${what}: the instances with an unknown outcome stay unknown; nothing was sent again`,
    'DescribeInstances',
    ids,
    'unexpected-answer',
  );

export const foundOf = (status: string | null): Found =>
  status === null || RELEASED_STATUSES.has(status) ? 'released' : 'not-released';

/** Reads `ids` in batches of 100; calls `onRead` with each answer's resolutions as it arrives. */
export async function readInstanceStates(
  client: ZenlayerClient,
  ids: string[],
  onRead: (resolutions: Resolution[]) => void,
  signal?: AbortSignal,
): Promise<void> {
  for (let i = 0; i < ids.length; i += MAX_IDS_PER_REQUEST) {
    const batch = ids.slice(i, i + MAX_IDS_PER_REQUEST);
    const answer = await client.describeInstances(batch, { pageSize: MAX_IDS_PER_REQUEST, ...(signal && { signal }) });
    const dataSet: unknown = (answer as { dataSet?: unknown }).dataSet;
    if (!Array.isArray(dataSet)) throw unreadable(batch, 'no dataSet list');
    const status = new Map<string, string | null>(batch.map((id) => [id, null]));
    for (const item of dataSet as { instanceId?: unknown; instanceStatus?: unknown }[]) {
      // Only the ids asked about count: an item about another id proves nothing of these.
      if (typeof item?.instanceId !== 'string' || !status.has(item.instanceId)) continue;
      // Listed without a status proves neither "released" nor "still there".
      if (typeof item.instanceStatus !== 'string') throw unreadable(batch, `${item.instanceId} has no instanceStatus`);
      status.set(item.instanceId, item.instanceStatus);
    }
    const groups = new Map<string | null, string[]>();
    for (const [id, s] of status) groups.set(s, [...(groups.get(s) ?? []), id]);
    onRead(
      [...groups].map(([s, group]) => ({ ids: group, found: foundOf(s), status: s, requestId: answer.requestId })),
    );
  }
}
