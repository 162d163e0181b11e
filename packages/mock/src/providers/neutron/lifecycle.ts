// Neutron's part of the stateful mode: the version documents, Keystone's token → project
// mapping, and its port rules (lifecycle-rules.ts) answered in the NeutronError shape.
import type { Answer } from '../../answer.js';
import { isObject } from '../../json-object.js';
import type { Validated } from '../../request.js';
import type { RuleContext } from '../../state/outcome.js';
import { NEUTRON_PORT_STATUSES, type NeutronPort } from '../../state/resources.js';
import type { Lifecycle } from '../provider.js';
import { keystoneUnauthorized, neutronError } from './errors.js';
import { neutronRule } from './lifecycle-rules.js';

/** Neutron's version documents, pointing at this mock (keystoneauth compares the self href). */
function versionDocument(request: Validated): Answer | undefined {
  const base = `http://${request.headers.host ?? '127.0.0.1'}`;
  const link = (href: string) => [{ rel: 'self', href }];
  if (request.operation === 'ListApiVersions')
    return {
      status: 200,
      body: { versions: [{ id: 'v2.0', status: 'CURRENT', links: link(`${base}/v2.0/`) }] },
      note: '',
      operation: request.operation,
    };
  if (request.operation === 'ListApiResources')
    return {
      status: 200,
      body: { resources: [{ name: 'port', collection: 'ports', links: link(`${base}/v2.0/ports`) }] },
      note: '',
      operation: request.operation,
    };
  return undefined;
}

function answer(request: Validated, ctx: RuleContext): Answer | undefined {
  const fixed = versionDocument(request);
  if (fixed) return fixed;
  // Every request here carries a token: the authenticate step answered those without one (only
  // the root versions document, answered above, is public). Node strips a header value's blanks.
  const token = request.headers['x-auth-token']!;
  // Own entries only: a token spelled like an Object member (constructor) maps to no project.
  const project = ctx.projects && Object.hasOwn(ctx.projects, token) ? ctx.projects[token] : undefined;
  if (ctx.projects && project === undefined) return keystoneUnauthorized(request.operation);
  // The provider's validate step put the If-Match revision (when one counts) in the params.
  const revision = request.params.revision_number;
  const outcome = neutronRule(ctx, {
    operation: request.operation,
    portId: request.params.port_id,
    project,
    ...(revision !== undefined && { revision: Number(revision) }),
    query: new URLSearchParams(request.rawQuery),
  });
  if (!outcome) return undefined;
  if (!outcome.ok) return neutronError(outcome.status, outcome.code, outcome.message, request.operation);
  // A 204 outcome has no body: the provider's finish step sends none.
  return { status: outcome.status ?? 200, body: outcome.body, note: '', operation: request.operation };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The seed fields held to the spec's Port schema, each as the field of the same name. */
const WIRE_FIELDS = [
  'id',
  'name',
  'status',
  'device_owner',
  'revision_number',
  'project_id',
  'device_id',
  'network_id',
];
/** What a seed may name: the wire fields, its type, and whether it is a trunk's parent. */
const SEED_FIELDS = ['type', ...WIRE_FIELDS, 'trunk_details'];

function checkSeeded(r: Record<string, unknown>, at: string, problems: string[]): NeutronPort {
  if ((r.type ?? 'port') !== 'port') problems.push(`${at}.type must be port (got ${JSON.stringify(r.type)})`);
  if (typeof r.id === 'string' && !UUID.test(r.id))
    problems.push(`${at}.id must be a UUID (got ${JSON.stringify(r.id)})`);
  const status = r.status ?? 'ACTIVE';
  if (!NEUTRON_PORT_STATUSES.includes(status as NeutronPort['status']))
    problems.push(`${at}.status must be one of ${NEUTRON_PORT_STATUSES.join(', ')} (got ${JSON.stringify(status)})`);
  const revision = r.revision_number ?? 1;
  if (!Number.isInteger(revision) || (revision as number) < 0)
    problems.push(`${at}.revision_number must be an integer ≥ 0 (got ${JSON.stringify(revision)})`);
  for (const field of ['name', 'device_owner', 'project_id', 'device_id', 'network_id'])
    if (r[field] !== undefined && typeof r[field] !== 'string') problems.push(`${at}.${field} must be a string`);
  if (r.trunk_details !== undefined && !(isObject(r.trunk_details) && typeof r.trunk_details.trunk_id === 'string'))
    problems.push(`${at}.trunk_details must be { trunk_id: string }`);
  return { name: '', device_owner: '', ...r, type: 'port', status, revision_number: revision } as NeutronPort;
}

export const neutronLifecycle: Lifecycle = {
  answer,
  // Neutron deletes synchronously: nothing waits.
  actsLater: () => false,
  statuses: { port: NEUTRON_PORT_STATUSES },
  // No transitions: a deleted port is gone at once.
  passages: {},
  // Every seeded entry is a port (its type may be left out).
  seed: { fields: SEED_FIELDS, check: checkSeeded, typeOf: () => 'port' },
  wire: { port: { schema: 'Port', fields: Object.fromEntries(WIRE_FIELDS.map((f) => [f, f])) } },
};
