// The operations of a spec, keyed so that the released and the working spec can be paired.
import { asNode, deref, type Node } from './resolve.js';

const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'] as const;

export interface Operation {
  key: string; // `POST /api/v2/vm`: what the wire sees, so a renamed operationId is no new operation
  label: string; // `ReleaseInstances (POST /api/v2/vm)`
  node: Node;
  parameters: Node[]; // path-level parameters overridden by the operation's, `$ref`s resolved
}

const parameterId = (parameter: Node): string => {
  const name = String(parameter.name);
  // Header names are case-insensitive on the wire: a change of case is no rename.
  return `${String(parameter.in)} ${parameter.in === 'header' ? name.toLowerCase() : name}`;
};

export const operationLabel = (node: Node, method: string, path: string): string => {
  const id = typeof node.operationId === 'string' ? `${node.operationId} ` : '';
  return `${id}(${method.toUpperCase()} ${path})`;
};

export function listOperations(spec: Node): Map<string, Operation> {
  const operations = new Map<string, Operation>();
  for (const [path, rawItem] of Object.entries(asNode(spec.paths))) {
    const item = deref(spec, rawItem);
    for (const method of methods) {
      if (item[method] === undefined) continue;
      const node = deref(spec, item[method]);
      const merged = new Map<string, Node>();
      for (const raw of [...asList(item.parameters), ...asList(node.parameters)]) {
        const parameter = deref(spec, raw);
        merged.set(parameterId(parameter), parameter);
      }
      const key = `${method.toUpperCase()} ${path}`;
      operations.set(key, { key, label: operationLabel(node, method, path), node, parameters: [...merged.values()] });
    }
  }
  return operations;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const parameterKey = parameterId;
