// Which of the spec's schemas each seeded field must fit: a seed describes what the mock will
// serve, so each field is held to the schema of the wire field it becomes (a Zenlayer instance's
// `name` is served as InstanceInfo.instanceName, a string; a Neutron port's fields are Port's).
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { type Api, providers } from '../providers/index.js';
import type { Schema } from './schema-check.js';

/** A seeded field's schema, and its name in the spec for messages (`InstanceInfo.instanceName`). */
export interface FieldSchema {
  schema: Schema;
  name: string;
}

/** Resource type → seed field → its schema. */
export type ResourceSchemas = Record<string, Record<string, FieldSchema>>;

type Schemas = Record<string, Schema & { properties?: Record<string, Schema & { $ref?: string }> }>;

function resolve(schemas: Schemas, schema: Schema & { $ref?: string }): Schema {
  const ref = schema.$ref?.replace('#/components/schemas/', '');
  return ref === undefined ? schema : resolve(schemas, schemas[ref]!);
}

function fieldsOf(schemas: Schemas, schemaName: string, fields: Record<string, string>): Record<string, FieldSchema> {
  const properties = schemas[schemaName]!.properties!;
  return Object.fromEntries(
    Object.entries(fields).map(([field, wire]) => [
      field,
      { schema: resolve(schemas, properties[wire]!), name: `${schemaName}.${wire}` },
    ]),
  );
}

/** The resource schemas of a parsed spec document. */
export function resourceSchemas(api: Api, spec: unknown): ResourceSchemas {
  const schemas = (spec as { components: { schemas: Schemas } }).components.schemas;
  return Object.fromEntries(
    Object.entries(providers[api].lifecycle.wire).map(([type, { schema, fields }]) => [
      type,
      fieldsOf(schemas, schema, fields),
    ]),
  );
}

/**
 * The resource schemas of the spec file at `path`. The build writes each shipped spec's document
 * beside it as JSON (scripts/parsed-specs.mjs), read instead: parsing the YAML took longer than
 * the rest of a start.
 */
export function loadResourceSchemas(api: Api, path: string): ResourceSchemas {
  const json = path.replace(/\.yaml$/, '.json');
  const spec = existsSync(json) ? JSON.parse(readFileSync(json, 'utf8')) : parse(readFileSync(path, 'utf8'));
  return resourceSchemas(api, spec);
}
