// Waiters for Zenlayer instances, disks and ports: until in the recycle bin, or until gone.
// One Describe call per 100 ids (the API's limit), each asking for a page that holds them all.

import { ZenlayerApiError } from '../zenlayer/errors.js';
import {
  isZenlayerTransient,
  judgeZenlayer,
  ZENLAYER_TABLES,
  ZENLAYER_WAIT,
  type ZenlayerTarget,
  type ZenlayerType,
} from './acceptors-zenlayer.js';
import type { ZenlayerReader } from './clients.js';
import { type Poll, type WaiterOptions, type WaiterResult, waiterOf } from './waiter.js';

/** The most ids one Describe call takes (spec/zenlayer.yaml). */
export const DESCRIBE_BATCH = 100;

const READS = {
  instance: { method: 'describeInstances', id: 'instanceId', status: 'instanceStatus' },
  disk: { method: 'describeDisks', id: 'diskId', status: 'diskStatus' },
  port: { method: 'describePorts', id: 'portId', status: 'portStatus' },
} as const;

/** One round of Describe calls for `type`: every id's status, `null` for the ones not listed. */
export function describePoll(client: ZenlayerReader, type: ZenlayerType): Poll {
  const read = READS[type];
  const once = async (ids: string[], signal: AbortSignal | undefined) => {
    const seen = new Map<string, string | null>(ids.map((id) => [id, null]));
    try {
      const answer = await client[read.method](ids, { pageSize: ids.length, ...(signal && { signal }) });
      for (const item of answer.dataSet) {
        const id = item[read.id];
        if (typeof id === 'string' && seen.has(id)) seen.set(id, String(item[read.status]));
      }
    } catch (error) {
      const notFound = error instanceof ZenlayerApiError && ZENLAYER_TABLES[type].notFoundCodes.has(String(error.code));
      if (!notFound) throw error;
      // A not-found answer names no id: alone, the id is gone; in a batch, ask for each alone.
      if (ids.length > 1) {
        for (const id of ids) for (const [k, v] of await once([id], signal)) seen.set(k, v);
      }
    }
    return seen;
  };
  return async (ids, signal) => {
    const seen = new Map<string, string | null>();
    for (let i = 0; i < ids.length; i += DESCRIBE_BATCH)
      for (const [k, v] of await once(ids.slice(i, i + DESCRIBE_BATCH), signal)) seen.set(k, v);
    return seen;
  };
}

/** The waiter until every id of `type` is at `target`. */
const waiter = (type: ZenlayerType, target: ZenlayerTarget) =>
  waiterOf((client: ZenlayerReader) => ({
    poll: describePoll(client, type),
    judge: (status) => judgeZenlayer(type, target, status),
    transient: isZenlayerTransient,
    defaults: ZENLAYER_WAIT,
  }));

/** Waits until every id of `type` is at `target`; see WaiterResult. */
export function waitForZenlayer(
  client: ZenlayerReader,
  type: ZenlayerType,
  target: ZenlayerTarget,
  ids: readonly string[],
  options: WaiterOptions = {},
): Promise<WaiterResult> {
  return waiter(type, target)(client, ids, options);
}

/** Until every instance is at RECYCLE (or gone). */
export const waitUntilInstancesInRecycleBin = waiter('instance', 'recycle-bin');
/** Until no instance is listed any more. */
export const waitUntilInstancesGone = waiter('instance', 'gone');
/** Until every disk is at RECYCLED (or gone). */
export const waitUntilDisksInRecycleBin = waiter('disk', 'recycle-bin');
/** Until no disk is listed any more. */
export const waitUntilDisksGone = waiter('disk', 'gone');
/** Until every SDN port is at RECYCLED (or gone). */
export const waitUntilPortsInRecycleBin = waiter('port', 'recycle-bin');
/** Until no SDN port is listed any more (or it shows DESTROYED). */
export const waitUntilPortsGone = waiter('port', 'gone');
