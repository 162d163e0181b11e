// A seed: `{ resources: [...] }` for one provider, or `{ zenlayer: {resources}, neutron: {resources} }`
// for both (one file for `cloud-release-mock --seed`). Validated whole: any error refuses all
// of it, with every problem listed, so the inventory is never half-changed. Each field is held
// to the spec's schema of the wire field it is served as (resource-schemas.ts), and no seed is
// nested deeper than MAX_SEED_DEPTH, so nothing the mock serves can break its own answers.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { isObject } from '../json-object.js';
import { type Api, providers } from '../providers/index.js';
import type { ResourceSchemas } from './resource-schemas.js';
import type { Resource } from './resources.js';
import { brokenRule, kindOf, tooDeep } from './schema-check.js';

/** A seed's deepest nesting (objects and arrays): a seed with trunk_details needs 5. */
export const MAX_SEED_DEPTH = 16;

export class SeedError extends Error {
  constructor(readonly problems: string[]) {
    super(`The seed was refused whole (nothing changed): ${problems.join('; ')}`);
    this.name = 'SeedError';
  }
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
  const { seed } = providers[api].lifecycle;
  const problems: string[] = [];
  const seen = new Set<string>();
  const resources = input.map((raw, i): Resource | undefined => {
    const at = `resources[${i}]`;
    if (!isObject(raw)) return void problems.push(`${at} must be an object`);
    for (const field of Object.keys(raw))
      if (!seed.fields.includes(field))
        problems.push(`${at}.${field} is not a field of a ${api} resource (${seed.fields.join(', ')})`);
    if (typeof raw.id !== 'string' || raw.id === '') problems.push(`${at}.id must be a non-empty string`);
    const key = `${raw.type ?? 'port'}:${String(raw.id)}`;
    if (seen.has(key)) problems.push(`${at}.id ${String(raw.id)} appears twice`);
    seen.add(key);
    const resource = seed.check(raw, at, problems);
    checkSpec(raw, at, seed.typeOf(raw), schemas, problems);
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
  // The file for both mocks: one section per provider of the table.
  if (!Object.keys(providers).some((name) => name in seed))
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
