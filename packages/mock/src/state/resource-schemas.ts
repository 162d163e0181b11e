// Which of the spec's schemas each seeded field must fit: a seed describes what the mock will
// serve, so each field is held to the schema of the wire field it becomes (a Zenlayer instance's
// `name` is served as InstanceInfo.instanceName, a string; a Neutron port's fields are Port's).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Api } from '../providers/index.js';
import type { Schema } from './schema-check.js';

/** A seeded field's schema, and its name in the spec for messages (`InstanceInfo.instanceName`). */
export interface FieldSchema {
  schema: Schema;
  name: string;
}

/** Resource type → seed field → its schema. */
export type ResourceSchemas = Record<string, Record<string, FieldSchema>>;

/** Seed field → wire field, per Zenlayer type and its Describe* item schema. */
const ZENLAYER: Record<string, { schema: string; fields: Record<string, string> }> = {
  instance: { schema: 'InstanceInfo', fields: { id: 'instanceId', name: 'instanceName', status: 'instanceStatus' } },
  disk: {
    schema: 'DiskInfo',
    fields: { id: 'diskId', name: 'diskName', status: 'diskStatus', diskType: 'diskType' },
  },
  port: { schema: 'PortInfo', fields: { id: 'portId', name: 'portName', status: 'portStatus' } },
};
const NEUTRON_FIELDS = [
  'id',
  'name',
  'status',
  'device_owner',
  'revision_number',
  'project_id',
  'device_id',
  'network_id',
];

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
  if (api === 'neutron')
    return { port: fieldsOf(schemas, 'Port', Object.fromEntries(NEUTRON_FIELDS.map((f) => [f, f]))) };
  return Object.fromEntries(
    Object.entries(ZENLAYER).map(([type, { schema, fields }]) => [type, fieldsOf(schemas, schema, fields)]),
  );
}

/** The resource schemas of the spec file at `path`. */
export const loadResourceSchemas = (api: Api, path: string) => resourceSchemas(api, parse(readFileSync(path, 'utf8')));
