// The reads a plan (and an apply's drift check) makes: Describe* for Zenlayer, up to
// DESCRIBE_BATCH ids a call, and GET /v2.0/ports/{id} for Neutron. Nothing here changes state.

import type { Observed } from '@cloud-release/client';
import { DESCRIBE_BATCH, NeutronApiError, type NeutronClient, type ZenlayerClient } from '@cloud-release/client';
import type { Kind, ZenlayerKind } from './steps.js';

export interface Named {
  kind: Kind;
  id: string;
}

/** The wire fields of each Zenlayer type's Describe answer. */
const FIELDS: Record<ZenlayerKind, { id: string; status: string; name: string }> = {
  instance: { id: 'instanceId', status: 'instanceStatus', name: 'instanceName' },
  disk: { id: 'diskId', status: 'diskStatus', name: 'diskName' },
  port: { id: 'portId', status: 'portStatus', name: 'portName' },
};

async function describe(client: ZenlayerClient, kind: ZenlayerKind, ids: string[]) {
  const pageSize = ids.length;
  if (kind === 'instance') return (await client.describeInstances(ids, { pageSize })).dataSet;
  if (kind === 'disk') return (await client.describeDisks(ids, { pageSize })).dataSet;
  return (await client.describePorts(ids, { pageSize })).dataSet;
}

export async function observeZenlayer(
  client: ZenlayerClient,
  kind: ZenlayerKind,
  ids: readonly string[],
): Promise<Map<string, Observed>> {
  const seen = new Map<string, Observed>();
  const f = FIELDS[kind];
  for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) {
    const chunk = ids.slice(i, i + DESCRIBE_BATCH);
    for (const row of (await describe(client, kind, chunk)) as ReadonlyArray<Record<string, unknown>>) {
      const id = String(row[f.id]);
      if (!chunk.includes(id)) continue; // only what was asked
      const name = row[f.name];
      const diskType = row.diskType;
      seen.set(id, {
        status: String(row[f.status] ?? ''),
        ...(typeof name === 'string' && { name }),
        // A system disk is refused by the plan, not by the provider halfway through an apply.
        ...(kind === 'disk' && typeof diskType === 'string' && { diskType }),
      });
    }
    for (const id of chunk) if (!seen.has(id)) seen.set(id, { status: null });
  }
  return seen;
}

export async function observeNeutronPort(client: NeutronClient, id: string): Promise<Observed> {
  try {
    const port = (await client.getPort(id)) as unknown as Record<string, unknown>;
    const text = (key: string) => (typeof port[key] === 'string' ? (port[key] as string) : undefined);
    const name = text('name');
    const owner = text('device_owner');
    const deviceId = text('device_id');
    const revision = port.revision_number;
    return {
      status: text('status') ?? 'UNKNOWN',
      ...(name !== undefined && { name }),
      ...(owner !== undefined && { owner }),
      ...(deviceId !== undefined && deviceId !== '' && { deviceId }),
      ...(typeof revision === 'number' && { revision }),
      ...(port.trunk_details !== undefined && port.trunk_details !== null && { trunk: true }),
    };
  } catch (error) {
    if (error instanceof NeutronApiError && error.status === 404) return { status: null };
    throw error;
  }
}

/** Reads every named resource; a map keyed `kind:id`. */
export async function observeAll(
  named: readonly Named[],
  clients: { zenlayer?: ZenlayerClient; neutron?: NeutronClient },
): Promise<Map<string, Observed>> {
  const all = new Map<string, Observed>();
  for (const kind of ['instance', 'disk', 'port'] as const) {
    const ids = named.filter((n) => n.kind === kind).map((n) => n.id);
    if (ids.length === 0) continue;
    for (const [id, seen] of await observeZenlayer(clients.zenlayer!, kind, ids)) all.set(`${kind}:${id}`, seen);
  }
  for (const n of named.filter((n) => n.kind === 'neutron-port'))
    all.set(`neutron-port:${n.id}`, await observeNeutronPort(clients.neutron!, n.id));
  return all;
}
