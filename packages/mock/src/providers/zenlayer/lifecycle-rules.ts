// Zenlayer's lifecycle rules, as the vendor documents them and its Terraform provider drives
// them (shared/reference/companion-reads.md §2–3):
//   vm   TerminateInstance → RECYCLING → RECYCLE; ReleaseInstances only when every id is at
//        RECYCLE (else the whole batch is refused), then RELEASING → gone.
//   zec  ReleaseDisk: a data disk → RECYCLING → RECYCLED; again → destroyed; a system disk 400.
//   sdn  TerminatePort → DELETING → RECYCLED; DestroyPort only from RECYCLED → DESTROYING → gone.

import { creatable, type Outcome, type RuleContext, refuse } from '../../state/outcome.js';
import type { Disk, Instance, SdnPort } from '../../state/resources.js';
import { describe } from './describe.js';

type Body = Record<string, unknown>;

/**
 * The statuses a resource passes through, by type, and what each becomes when its transition
 * ends (null: gone). A resource unpinned in one of them finishes the move from there.
 */
export const ZENLAYER_PASSAGES: Readonly<Record<string, Readonly<Record<string, string | null>>>> = {
  instance: { RECYCLING: 'RECYCLE', RELEASING: null },
  disk: { RECYCLING: 'RECYCLED' },
  port: { DELETING: 'RECYCLED', DESTROYING: null },
};
const accepted: Outcome = { ok: true };
const later = (ctx: RuleContext, to: string | null) => ({ afterMs: ctx.transitionMs, to });

/**
 * The resource with `fresh`'s type and id, or — where the mode creates unseeded ids — `fresh`
 * itself, in the state from which the action is allowed; undefined when it does not exist.
 */
function lookUp<R extends Instance | Disk | SdnPort>(ctx: RuleContext, fresh: R): R | undefined {
  const held = ctx.inventory.get(fresh.type, fresh.id) as R | undefined;
  return held ?? (creatable(ctx, fresh.type, fresh.id) ? fresh : undefined);
}

function terminateInstance(ctx: RuleContext, { instanceId }: Body): Outcome {
  const id = instanceId as string;
  const instance = lookUp<Instance>(ctx, { type: 'instance', id, status: 'RUNNING' });
  if (!instance) return refuse(404, 'INVALID_INSTANCE_NOT_FOUND', `Instance ${id} does not exist.`);
  if (['RECYCLE', 'RECYCLING', 'RELEASING'].includes(instance.status))
    return refuse(403, 'OPERATION_DENIED_INSTANCE_RECYCLED', `Instance ${id} is already in the recycle bin.`);
  if (['PENDING', 'DEPLOYING'].includes(instance.status))
    return refuse(403, 'OPERATION_DENIED_INSTANCE_CREATING', `Instance ${id} is being created.`);
  ctx.inventory.move(instance, 'RECYCLING', later(ctx, 'RECYCLE'));
  return accepted;
}

function releaseInstances(ctx: RuleContext, { instanceIds }: Body): Outcome {
  const ids = [...new Set(instanceIds as string[])];
  // Ids never seen count as already in the recycle bin, but are created only if all is accepted.
  const found = ids.map((id) => lookUp<Instance>(ctx, { type: 'instance', id, status: 'RECYCLE' }));
  const missing = ids.filter((_, i) => !found[i]);
  if (missing.length)
    return refuse(404, 'INVALID_INSTANCE_NOT_FOUND', `Instance ${missing.join(', ')} does not exist.`);
  const notRecycled = found.filter((i) => i!.status !== 'RECYCLE').map((i) => `${i!.id} (${i!.status})`);
  if (notRecycled.length)
    return refuse(
      403,
      'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
      `Only operations on instances in recycle bin are supported: ${notRecycled.join(', ')}.`,
    );
  for (const instance of found) ctx.inventory.move(instance!, 'RELEASING', later(ctx, null));
  return accepted;
}

const RELEASABLE_DISK = ['AVAILABLE', 'IN_USE', 'FAILED'];

function releaseDisk(ctx: RuleContext, { diskId }: Body): Outcome {
  const id = diskId as string;
  const disk = lookUp<Disk>(ctx, { type: 'disk', id, status: 'AVAILABLE', diskType: 'DATA' });
  if (!disk) return refuse(404, 'INVALID_DISK_NOT_FOUND', `Disk ${id} does not exist.`);
  if (disk.diskType === 'SYSTEM')
    return refuse(400, 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE', `Disk ${id} is a system disk; it cannot be released.`);
  if (disk.status === 'RECYCLING')
    return refuse(400, 'UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE', `Disk ${id} is being recycled.`);
  if (disk.status === 'RECYCLED') {
    ctx.inventory.remove(disk);
    return accepted;
  }
  if (!RELEASABLE_DISK.includes(disk.status))
    return refuse(
      400,
      'UNSUPPORTED_OPERATION_DISK_STATUS',
      `Operations on the disk with current status ${disk.status} are not supported.`,
    );
  ctx.inventory.move(disk, 'RECYCLING', later(ctx, 'RECYCLED'));
  return accepted;
}

/** The port an sdn action is about (created in `status` where allowed), or the API's 404 for it. */
function portOr404(ctx: RuleContext, portId: unknown, status: SdnPort['status']): SdnPort | Outcome {
  const id = portId as string;
  return (
    lookUp<SdnPort>(ctx, { type: 'port', id, status }) ??
    refuse(404, 'SELF_SERVICE_PORT_NOT_FOUND', `Port ${id} not found.`)
  );
}

function terminatePort(ctx: RuleContext, { portId }: Body): Outcome {
  const port = portOr404(ctx, portId, 'RUNNING');
  if (!('type' in port)) return port;
  const { id } = port;
  if (['RECYCLED', 'DELETING', 'DESTROYING', 'DESTROYED'].includes(port.status))
    return refuse(403, 'OPERATION_DENIED_INSTANCE_RECYCLED', `Port ${id} is already in the recycle bin.`);
  ctx.inventory.move(port, 'DELETING', later(ctx, 'RECYCLED'));
  return accepted;
}

function destroyPort(ctx: RuleContext, { portId }: Body): Outcome {
  const port = portOr404(ctx, portId, 'RECYCLED');
  if (!('type' in port)) return port;
  const { id } = port;
  if (port.status !== 'RECYCLED')
    return refuse(
      403,
      'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
      `Only operations on ports in recycle bin are supported: ${id} (${port.status}).`,
    );
  ctx.inventory.move(port, 'DESTROYING', later(ctx, null));
  return accepted;
}

export const zenlayerRules: Record<string, (ctx: RuleContext, body: Body) => Outcome> = {
  TerminateInstance: terminateInstance,
  ReleaseInstances: releaseInstances,
  ReleaseDisk: releaseDisk,
  TerminatePort: terminatePort,
  DestroyPort: destroyPort,
  DescribeInstances: (ctx, body) =>
    describe(ctx, 'instance', body.instanceIds, body, (r: Instance) => ({
      instanceId: r.id,
      instanceName: r.name ?? r.id,
      instanceStatus: r.status,
    })),
  DescribeDisks: (ctx, body) =>
    describe(ctx, 'disk', body.diskIds, body, (r: Disk) => ({
      diskId: r.id,
      diskName: r.name ?? r.id,
      diskStatus: r.status,
      diskType: r.diskType ?? 'DATA',
    })),
  DescribePorts: (ctx, body) =>
    describe(ctx, 'port', body.portIds, body, (r: SdnPort) => ({
      portId: r.id,
      portName: r.name ?? r.id,
      portStatus: r.status,
    })),
};
