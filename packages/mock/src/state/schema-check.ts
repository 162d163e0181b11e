// The part of JSON Schema the spec's resource schemas use (type, enum, length, range, pattern),
// to check a seeded field the way the spec describes it on the wire. One problem per field.

export interface Schema {
  type?: string;
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
}

export const kindOf = (value: unknown) =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

const fitsType = (value: unknown, type: string) =>
  type === 'integer' ? Number.isInteger(value) : type === 'number' ? typeof value === 'number' : kindOf(value) === type;

/** The rule `value` breaks, in words ("a string", "one of A, B", …), or undefined when it fits. */
export function brokenRule(value: unknown, schema: Schema): string | undefined {
  if (schema.type && !fitsType(value, schema.type)) return `${schema.type === 'integer' ? 'an' : 'a'} ${schema.type}`;
  if (schema.enum && !schema.enum.includes(value)) return `one of ${schema.enum.join(', ')}`;
  if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength)
      return `at least ${schema.minLength} characters long`;
    if (schema.maxLength !== undefined && value.length > schema.maxLength)
      return `at most ${schema.maxLength} characters long`;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value))
      return `a string matching ${schema.pattern}`;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) return `≥ ${schema.minimum}`;
    if (schema.maximum !== undefined && value > schema.maximum) return `≤ ${schema.maximum}`;
  }
  return undefined;
}

/**
 * Where `value` is nested deeper than `limit` levels (an object or array is a level), as a
 * JSON path from `at`; undefined when it is not. Iterative: a seed 100,000 deep is no stack risk.
 */
export function tooDeep(value: unknown, at: string, limit: number): string | undefined {
  const stack: { value: unknown; at: string; depth: number }[] = [{ value, at, depth: 0 }];
  while (stack.length) {
    const next = stack.pop()!;
    if (typeof next.value !== 'object' || next.value === null) continue;
    if (next.depth === limit) return next.at;
    for (const [key, child] of Object.entries(next.value))
      stack.push({
        value: child,
        at: Array.isArray(next.value) ? `${next.at}[${key}]` : `${next.at}.${key}`,
        depth: next.depth + 1,
      });
  }
  return undefined;
}
