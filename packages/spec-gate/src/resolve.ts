// The specs only use local `#/...` references; resolving them here keeps the rules on plain objects.
export type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

export const asNode = (value: unknown): Node => (isNode(value) ? value : {});

/** Follows `$ref` chains (local pointers only) until a node without one; cycles end at an empty node. */
export const deref = (root: Node, value: unknown, seen = new Set<string>()): Node => {
  const node = asNode(value);
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  if (!ref.startsWith('#/') || seen.has(ref)) return {};
  seen.add(ref);
  let target: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    target = asNode(target)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return deref(root, target, seen);
};

export const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

export const valueList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
