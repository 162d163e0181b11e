// A seed: `{ resources: [...] }` for one provider, or `{ zenlayer: {resources}, neutron: {resources} }`
// for both (one file for `cloud-release-mock --seed`). Validated whole: any error refuses all
// of it, with every problem listed, so the inventory is never half-changed. Each field is held
// to the spec's schema of the wire field it is served as (resource-schemas.ts), and no seed is
// nested deeper than MAX_SEED_DEPTH, so nothing the mock serves can break its own answers.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Api } from '../providers/index.js';
import type { ResourceSchemas } from './resource-schemas.js';
import {
  NEUTRON_PORT_STATUSES,
  type NeutronPort,
  type Resource,
  ZENLAYER_STATUSES,
  type ZenlayerResource,
} from './resources.js';
import { brokenRule, kindOf, tooDeep } from './schema-check.js';

/** A seed's deepest nesting (objects and arrays): a seed with trunk_details needs 5. */
export const MAX_SEED_DEPTH = 16;

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The seed was refused whole (nothing changed): ${problems.join('; ')}`);
    this.name = 'SeedError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FIELDS: Record<Api, readonly string[]> = {
  zenlayer: ['type', 'id', 'status', 'name', 'diskType'],
  neutron: [
    'type',
    'id',
    'name',
    'status',
    'device_owner',
    'revision_number',
    'project_id',
    'device_id',
    'network_id',
    'trunk_details',
  ],
};

function checkZenlayer(r: Record<string, unknown>, at: string, problems: string[]): ZenlayerResource {
  const statuses = ZENLAYER_STATUSES[r.type as ZenlayerResource['type']];
  if (!statuses) problems.push(`${at}.type must be one of instance, disk, port (got ${JSON.stringify(r.type)})`);
  else if (!statuses.includes(r.status as string))
    problems.push(
      `${at}.status must be one of the ${r.type} statuses ${statuses.join(', ')} (got ${JSON.stringify(r.status)})`,
    );
  if (r.diskType !== undefined && (r.type !== 'disk' || !['SYSTEM', 'DATA'].includes(r.diskType as string)))
    problems.push(`${at}.diskType must be SYSTEM or DATA, on a disk only`);
  return r as unknown as ZenlayerResource;
}

function checkNeutron(r: Record<string, unknown>, at: string, problems: string[]): NeutronPort {
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

/** Each field the spec describes, held to its schema; a field a check above refused is not listed twice. */
function checkSpec(
  r: Record<string, unknown>,
  at: string,
  type: unknown,
  schemas: ResourceSchemas,
  problems: string[],
) {
  // A type the resource cannot have is already a problem; its fields are not held to any schema.
  const fields = typeof type === 'string' && Object.hasOwn(schemas, type) ? schemas[type] : undefined;
  if (!fields) return;
  for (const [field, { schema, name }] of Object.entries(fields)) {
    const path = `${at}.${field}`;
    if (r[field] === undefined || problems.some((p) => p.startsWith(`${path} `))) continue;
    const rule = brokenRule(r[field], schema);
    if (rule) problems.push(`${path} must be ${rule}, as the spec's ${name} (got ${kindOf(r[field])})`);
  }
}

/** Throws a SeedError naming where `input` is nested deeper than MAX_SEED_DEPTH. */
function checkDepth(input: unknown, at: string) {
  const where = tooDeep(input, at, MAX_SEED_DEPTH);
  if (where) throw new SeedError([`${where} is nested deeper than the seed depth limit (${MAX_SEED_DEPTH} levels)`]);
}

/** Validates one provider's resources; throws SeedError listing every problem. */
export function validateResources(api: Api, input: unknown, schemas: ResourceSchemas): Resource[] {
  if (!Array.isArray(input)) throw new SeedError(['resources must be a list']);
  checkDepth(input, 'resources');
  const problems: string[] = [];
  const seen = new Set<string>();
  const resources = input.map((raw, i): Resource | undefined => {
    const at = `resources[${i}]`;
    if (!isObject(raw)) return void problems.push(`${at} must be an object`);
    for (const field of Object.keys(raw))
      if (!FIELDS[api].includes(field))
        problems.push(`${at}.${field} is not a field of a ${api} resource (${FIELDS[api].join(', ')})`);
    if (typeof raw.id !== 'string' || raw.id === '') problems.push(`${at}.id must be a non-empty string`);
    const key = `${raw.type ?? 'port'}:${String(raw.id)}`;
    if (seen.has(key)) problems.push(`${at}.id ${String(raw.id)} appears twice`);
    seen.add(key);
    const resource = api === 'zenlayer' ? checkZenlayer(raw, at, problems) : checkNeutron(raw, at, problems);
    checkSpec(raw, at, api === 'neutron' ? 'port' : raw.type, schemas, problems);
    return resource;
  });
  if (problems.length) throw new SeedError(problems);
  return resources as Resource[];
}

/** A seed object (either form) → this provider's resources. */
export function resourcesOf(api: Api, seed: unknown, schemas: ResourceSchemas): Resource[] {
  if (!isObject(seed)) throw new SeedError(['a seed must be an object with resources (or zenlayer / neutron)']);
  checkDepth(seed, 'seed');
  if ('resources' in seed) return validateResources(api, seed.resources, schemas);
  if (!('zenlayer' in seed) && !('neutron' in seed))
    throw new SeedError(['a seed must have resources, or zenlayer and/or neutron each with resources']);
  const mine = seed[api];
  if (mine === undefined) return [];
  if (!isObject(mine)) throw new SeedError([`${api} must be an object with resources`]);
  return validateResources(api, mine.resources ?? [], schemas);
}

/** Reads a seed file: YAML (JSON is YAML too). */
export function readSeedFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SeedError([`cannot read ${path}: ${(error as Error).message}`]);
  }
  try {
    return parse(text);
  } catch (error) {
    throw new SeedError([`${path} is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`]);
  }
}
