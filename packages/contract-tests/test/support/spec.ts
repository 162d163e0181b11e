// Reads the specs and derives the contract cases: every operation × every documented
// response × every named example. Nothing here names an operation or a code.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';

export type Api = 'zenlayer' | 'neutron';
// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document is walked generically by JSON pointer.
type Node = Record<string, any>;

const requireFromHere = createRequire(import.meta.url);
export const specs: Record<Api, Node> = {
  zenlayer: parse(readFileSync(requireFromHere.resolve('@cloud-release/spec/zenlayer.yaml'), 'utf8')),
  neutron: parse(readFileSync(requireFromHere.resolve('@cloud-release/spec/neutron.yaml'), 'utf8')),
};

const escapePointer = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');
const at = (doc: Node, pointer: string): Node =>
  pointer
    .split('/')
    .slice(1)
    .reduce((node, s) => node[s.replace(/~1/g, '/').replace(/~0/g, '~')], doc);

/** Follows a local $ref; returns the node and the JSON pointer it lives at. */
function resolve(doc: Node, node: Node, pointer: string): { node: Node; pointer: string } {
  return node.$ref ? resolve(doc, at(doc, node.$ref.slice(1)), node.$ref.slice(1)) : { node, pointer };
}

export interface ResponseCase {
  status: number;
  /** The example's name (for Zenlayer errors, the code); undefined for a bodiless response. */
  example?: string;
  value?: unknown;
  /** JSON pointer of the response body's schema in the spec. */
  schemaPointer?: string;
}

export interface Operation {
  api: Api;
  operationId: string;
  tag: string;
  method: string;
  path: string;
  /** Required header parameters, each at its only allowed value (e.g. X-ZC-Action). */
  headers: Record<string, string>;
  pathParams: Record<string, string>;
  body?: unknown;
  /** Name of the request body's component schema (the typescript-fetch parameter is named for it). */
  bodySchema?: string;
  responses: ResponseCase[];
}

export function operations(api: Api): Operation[] {
  const doc = specs[api];
  const result: Operation[] = [];
  for (const [path, item] of Object.entries<Node>(doc.paths)) {
    for (const [method, op] of Object.entries<Node>(item)) {
      const base = `/paths/${escapePointer(path)}/${method}`;
      const headers: Record<string, string> = {};
      const pathParams: Record<string, string> = {};
      for (const raw of op.parameters ?? []) {
        const { node: p } = resolve(doc, raw, '');
        const schema = resolve(doc, p.schema, '').node;
        if (p.in === 'header' && p.required) headers[p.name] = schema.enum[0];
        if (p.in === 'path') pathParams[p.name] = p.example ?? schema.example;
      }
      const json = op.requestBody?.content?.['application/json'];
      const responses: ResponseCase[] = [];
      for (const [status, raw] of Object.entries<Node>(op.responses)) {
        const { node: response, pointer } = resolve(doc, raw, `${base}/responses/${status}`);
        const content = response.content?.['application/json'];
        if (!content) {
          responses.push({ status: Number(status) });
          continue;
        }
        for (const [example, ex] of Object.entries<Node>(content.examples ?? {})) {
          responses.push({
            status: Number(status),
            example,
            value: resolve(doc, ex, '').node.value,
            schemaPointer: `${pointer}/content/${escapePointer('application/json')}/schema`,
          });
        }
      }
      result.push({
        api,
        operationId: op.operationId,
        tag: op.tags[0],
        method,
        path,
        headers,
        pathParams,
        ...(json && {
          body: resolve(doc, Object.values<Node>(json.examples)[0]!, '').node.value,
          bodySchema: json.schema.$ref.split('/').pop(),
        }),
        responses,
      });
    }
  }
  return result;
}

const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
for (const api of ['zenlayer', 'neutron'] as const) ajv.addSchema(specs[api], `spec:${api}`);

/** Validates a body against the schema at a pointer of a spec; returns Ajv's errors, or []. */
export function schemaErrors(api: Api, schemaPointer: string, body: unknown): string[] {
  const fragment = schemaPointer.split('/').map(encodeURIComponent).join('/');
  const validate = ajv.getSchema(`spec:${api}#${fragment}`);
  if (!validate) throw new Error(`no schema at ${schemaPointer}`);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** The pointer of a component schema, for answers the spec documents only by their shape. */
export const componentSchema = (name: string) => `/components/schemas/${name}`;
