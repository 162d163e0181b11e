// Neutron's port rules (shared/reference/companion-reads.md §4, neutron-facts.md): a delete
// answers 204 and the port is gone at once; a router/floating-IP port is 409 ServicePortInUse,
// a trunk parent 409 PortInUseAsTrunkParent; a stale If-Match revision 412; another
// project's port is 404 PortNotFound, as if it did not exist.
import { creatable, type Outcome, type RuleContext, refuse } from '../../state/outcome.js';
import { type NeutronPort, SERVICE_OWNERS } from '../../state/resources.js';

export interface NeutronRequest {
  operation: string;
  portId?: string;
  /** The caller's project; undefined when tokens are not mapped to projects (sees every port). */
  project?: string;
  /** The If-Match revision_number, when one was sent. */
  revision?: number;
  query: URLSearchParams;
}

const visible = (port: NeutronPort, project: string | undefined) =>
  project === undefined || port.project_id === undefined || port.project_id === project;

/** What a port looks like on the wire: tenant_id mirrors project_id, as in Neutron. */
function view(port: NeutronPort) {
  const { type: _type, ...fields } = port;
  return {
    network_id: '',
    device_id: '',
    admin_state_up: true,
    fixed_ips: [],
    ...fields,
    // JSON leaves it out when the port has no project.
    tenant_id: port.project_id,
  };
}

const notFound = (id: string) => refuse(404, 'PortNotFound', `Port ${id} could not be found.`);

function find(ctx: RuleContext, req: NeutronRequest): NeutronPort | undefined {
  const port = ctx.inventory.get('port', req.portId!) as NeutronPort | undefined;
  return port && visible(port, req.project) ? port : undefined;
}

function deletePort(ctx: RuleContext, req: NeutronRequest): Outcome {
  const id = req.portId!;
  let port = find(ctx, req);
  // A port another project holds is known, so never creatable: its id stays a 404 to others.
  if (!port && creatable(ctx, 'port', id)) {
    // The port made here is deleted in this call and never shown: only its device owner (no
    // service owner) and its revision (the If-Match asked for) can change the answer.
    port = {
      type: 'port',
      id,
      name: '',
      status: 'ACTIVE',
      device_owner: '',
      revision_number: req.revision ?? 1,
      ...(req.project !== undefined && { project_id: req.project }),
    };
  }
  if (!port) return notFound(id);
  if (req.revision !== undefined && req.revision !== port.revision_number)
    return refuse(
      412,
      'RevisionNumberConstraintFailed',
      `Constrained to ${req.revision}, but current revision is ${port.revision_number}`,
    );
  if (SERVICE_OWNERS.has(port.device_owner))
    return refuse(
      409,
      'ServicePortInUse',
      `Port ${id} cannot be deleted directly via the port API: has device owner ${port.device_owner}.`,
    );
  if (port.trunk_details)
    return refuse(409, 'PortInUseAsTrunkParent', `Port ${id} is currently in use and is not eligible for deletion.`);
  // Known once (so a second delete is 404), then gone at once: Neutron deletes synchronously.
  ctx.inventory.remove(port);
  return { ok: true, status: 204 };
}

function listPorts(ctx: RuleContext, req: NeutronRequest): Outcome {
  const name = req.query.get('name');
  const ids = req.query.getAll('id');
  const ports = ctx.inventory
    .list()
    .filter(
      (p): p is NeutronPort =>
        visible(p as NeutronPort, req.project) &&
        (name === null || (p as NeutronPort).name === name) &&
        (ids.length === 0 || ids.includes(p.id)),
    );
  return { ok: true, body: { ports: ports.map(view) } };
}

export function neutronRule(ctx: RuleContext, req: NeutronRequest): Outcome | undefined {
  switch (req.operation) {
    case 'DeletePort':
      return deletePort(ctx, req);
    case 'ShowPort': {
      const port = find(ctx, req);
      return port ? { ok: true, body: { port: view(port) } } : notFound(req.portId!);
    }
    case 'ListPorts':
      return listPorts(ctx, req);
    default:
      // The version documents have no state: the answerer serves them before asking here.
      return undefined;
  }
}
