// Which steps an observed resource needs on its way to gone, or why it is refused: the
// decisions teardown() makes after its first read, exported so that a plan made from a read
// and the flow that carries it out cannot disagree.
import { ZENLAYER_TABLES } from './acceptors-zenlayer.js';
import { portRefusal } from './neutron-refusals.js';
import type { TeardownStep, TeardownType } from './types.js';

/** What a read found of one resource (`status: null`: not found, gone). */
export interface Observed {
  status: string | null;
  name?: string;
  /** Neutron only. */
  revision?: number;
  owner?: string;
  deviceId?: string;
  trunk?: boolean;
  /** Zenlayer disks: `SYSTEM` (a boot disk) or `DATA`, as DescribeDisks lists it. */
  diskType?: string;
}

export type PlannedSteps =
  | { action: 'destroy'; steps: TeardownStep[] }
  | { action: 'already-gone'; steps: [] }
  | { action: 'refused'; steps: []; code: string; reason: string; instead?: string };

export function stepsFor(type: TeardownType, seen: Observed, id: string): PlannedSteps {
  if (seen.status === null) return { action: 'already-gone', steps: [] };
  if (type === 'neutron-port') {
    const refusal = portRefusal({
      id,
      status: seen.status,
      ...(seen.owner !== undefined && { device_owner: seen.owner }),
      ...(seen.deviceId !== undefined && { device_id: seen.deviceId }),
      ...(seen.trunk && { trunk_details: {} }),
    });
    if (refusal) return { action: 'refused', steps: [], ...refusal };
    if (!Number.isSafeInteger(seen.revision))
      return {
        action: 'refused',
        steps: [],
        code: 'NoRevisionNumber',
        reason: `port ${id} shows no revision_number, so it cannot be deleted with If-Match`,
      };
    return { action: 'destroy', steps: ['delete', 'wait-gone'] };
  }
  // ReleaseDisk refuses a boot disk (spec/zenlayer.yaml DiskInfo.diskType): it goes with its instance.
  if (type === 'disk' && seen.diskType === 'SYSTEM')
    return {
      action: 'refused',
      steps: [],
      code: 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE',
      reason: `disk ${id} is a system (boot) disk, which ReleaseDisk refuses`,
      instead: 'tear down the instance it boots: its system disk goes with it',
    };
  const table = ZENLAYER_TABLES[type];
  if (seen.status === table.ended) return { action: 'already-gone', steps: [] };
  if (seen.status === table.recycleBin) return { action: 'destroy', steps: ['release', 'wait-gone'] };
  if (table.releasing.has(seen.status)) return { action: 'destroy', steps: ['wait-gone'] };
  if (table.recycling.has(seen.status))
    return { action: 'destroy', steps: ['wait-recycle-bin', 'release', 'wait-gone'] };
  return { action: 'destroy', steps: ['terminate', 'wait-recycle-bin', 'release', 'wait-gone'] };
}
