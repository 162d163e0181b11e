// Which steps an observed resource needs on its way to gone, or why it is refused: the same
// decisions the client's teardown() makes after its first read (zenlayer-steps, neutron-steps).
// This belongs in @cloud-release/client (a pure helper beside ZENLAYER_TABLES and portRefusal,
// so plan and teardown cannot disagree); it lives here until the client exports one.
import { portRefusal, type TeardownStep, ZENLAYER_TABLES } from '@cloud-release/client';

export type ZenlayerKind = 'instance' | 'disk' | 'port';
export type Kind = ZenlayerKind | 'neutron-port';
export const KINDS: readonly Kind[] = ['instance', 'disk', 'port', 'neutron-port'];

/** What a read found of one resource (`status: null`: not found, gone). */
export interface Observed {
  status: string | null;
  name?: string;
  /** Neutron only. */
  revision?: number;
  owner?: string;
  deviceId?: string;
  trunk?: boolean;
}

export type Verdict =
  | { action: 'destroy'; steps: TeardownStep[] }
  | { action: 'already-gone'; steps: [] }
  | { action: 'refused'; steps: []; code: string; reason: string; instead?: string };

export function stepsFor(kind: Kind, seen: Observed, id: string): Verdict {
  if (seen.status === null) return { action: 'already-gone', steps: [] };
  if (kind === 'neutron-port') {
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
  const table = ZENLAYER_TABLES[kind];
  if (seen.status === table.ended) return { action: 'already-gone', steps: [] };
  if (seen.status === table.recycleBin) return { action: 'destroy', steps: ['release', 'wait-gone'] };
  if (table.releasing.has(seen.status)) return { action: 'destroy', steps: ['wait-gone'] };
  if (table.recycling.has(seen.status))
    return { action: 'destroy', steps: ['wait-recycle-bin', 'release', 'wait-gone'] };
  return { action: 'destroy', steps: ['terminate', 'wait-recycle-bin', 'release', 'wait-gone'] };
}
