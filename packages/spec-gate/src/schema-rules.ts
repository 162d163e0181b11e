// Hand-written rules for what openapi-diff does not see: its schema engine (json-schema-diff)
// ignores `enum`, `pattern` and `format`, and it names a schema, never the field that changed.
// A request may only widen (every request that was valid stays valid); a response may only
// add (every field and value a client reads stays there).
import type { Findings } from './findings.js';
import { refusedSample } from './pattern-samples.js';
import { deref, type Node, stringList, valueList } from './resolve.js';

export type Direction = 'request' | 'response';

export interface SchemaSite {
  /** The released spec and the working spec, each resolving its own `$ref`s. */
  before: Node;
  after: Node;
  findings: Findings;
  where: string;
  /** What the top-level schema describes: `the body`, or `the value` of a parameter. */
  subject?: string;
}

const shown = (value: unknown): string => JSON.stringify(value);
const field = (site: SchemaSite, path: string): string => (path === '' ? (site.subject ?? 'the body') : path);
const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

// Limits a request must not tighten: upper bounds must not go down, lower bounds must not go up.
const upper = ['maxLength', 'maxItems', 'maximum', 'maxProperties'] as const;
const lower = ['minLength', 'minItems', 'minimum', 'minProperties'] as const;

const requestLimits = (site: SchemaSite, before: Node, after: Node, path: string): void => {
  for (const key of upper) {
    const [was, now] = [before[key], after[key]];
    if (typeof now === 'number' && (typeof was !== 'number' || now < was))
      site.findings.breaking(
        site.where,
        `${field(site, path)}: ${key} lowered ${was ?? 'unbounded'} → ${now}`,
        'rule:limit',
      );
  }
  for (const key of lower) {
    const [was, now] = [before[key], after[key]];
    if (typeof now === 'number' && now > (typeof was === 'number' ? was : Number.NEGATIVE_INFINITY))
      site.findings.breaking(site.where, `${field(site, path)}: ${key} raised ${was ?? 'none'} → ${now}`, 'rule:limit');
  }
  if (after.format !== undefined && after.format !== before.format)
    site.findings.breaking(
      site.where,
      `${field(site, path)}: format ${shown(before.format)} → ${shown(after.format)}`,
      'rule:format',
    );
  patternRule(site, before, after, path);
};

const patternRule = (site: SchemaSite, before: Node, after: Node, path: string): void => {
  if (typeof after.pattern !== 'string' || after.pattern === before.pattern) return;
  const what = `${field(site, path)}: pattern`;
  if (typeof before.pattern !== 'string') {
    site.findings.breaking(site.where, `${what} added ${shown(after.pattern)}`, 'rule:pattern');
    return;
  }
  const refused = refusedSample(before.pattern, after.pattern, [before.example, ...valueList(before.enum)]);
  if (refused === undefined)
    site.findings.additive(site.where, `${what} widened to ${shown(after.pattern)}`, 'rule:pattern');
  else
    site.findings.breaking(
      site.where,
      `${what} changed to ${shown(after.pattern)}, refusing ${shown(refused)}`,
      'rule:pattern',
    );
};

const enumRule = (site: SchemaSite, direction: Direction, before: Node, after: Node, path: string): void => {
  const was = valueList(before.enum);
  const now = valueList(after.enum);
  const removed = was.filter((value) => !now.some((other) => shown(other) === shown(value)));
  const added = now.filter((value) => !was.some((other) => shown(other) === shown(value)));
  if (direction === 'request' && now.length > 0 && was.length === 0)
    site.findings.breaking(site.where, `${field(site, path)}: enum added ${shown(now)}`, 'rule:enum');
  if (now.length > 0 && removed.length > 0)
    site.findings.breaking(
      site.where,
      `${field(site, path)}: enum value ${removed.map(shown).join(', ')} removed`,
      'rule:enum',
    );
  if (added.length > 0 && was.length > 0)
    site.findings.additive(
      site.where,
      `${field(site, path)}: enum value ${added.map(shown).join(', ')} added`,
      'rule:enum',
    );
};

const objectRule = (site: SchemaSite, direction: Direction, before: Node, after: Node, path: string, depth: number) => {
  const wasProps = deref(site.before, before.properties);
  const nowProps = deref(site.after, after.properties);
  const wasRequired = stringList(before.required);
  const nowRequired = stringList(after.required);
  for (const name of Object.keys(wasProps).filter((key) => !(key in nowProps))) {
    if (direction === 'response')
      site.findings.breaking(site.where, `response field ${join(path, name)} removed`, 'rule:field');
    else if (after.additionalProperties === false)
      site.findings.breaking(
        site.where,
        `request field ${join(path, name)} removed (no longer accepted)`,
        'rule:field',
      );
  }
  for (const name of Object.keys(nowProps).filter((key) => !(key in wasProps))) {
    if (direction === 'response' || !nowRequired.includes(name))
      site.findings.additive(site.where, `optional ${direction} field ${join(path, name)} added`, 'rule:field');
  }
  if (direction === 'request') {
    for (const name of nowRequired.filter((key) => !wasRequired.includes(key)))
      site.findings.breaking(site.where, `request field ${join(path, name)} is now required`, 'rule:required');
    if (after.additionalProperties === false && before.additionalProperties !== false)
      site.findings.breaking(site.where, `${field(site, path)}: additional fields no longer accepted`, 'rule:field');
  } else {
    for (const name of wasRequired.filter((key) => !nowRequired.includes(key) && key in nowProps))
      site.findings.breaking(site.where, `response field ${join(path, name)} may now be missing`, 'rule:required');
  }
  for (const name of Object.keys(wasProps).filter((key) => key in nowProps))
    compareSchemas(site, direction, wasProps[name], nowProps[name], join(path, name), depth + 1);
};

/** Compares one schema of the released spec with its counterpart in the working spec. */
export function compareSchemas(
  site: SchemaSite,
  direction: Direction,
  beforeRaw: unknown,
  afterRaw: unknown,
  path: string,
  depth = 0,
): void {
  if (depth > 32) return; // a recursive schema: its first 32 levels are enough
  const before = deref(site.before, beforeRaw);
  const after = deref(site.after, afterRaw);
  if (before.type !== undefined && after.type !== undefined && shown(before.type) !== shown(after.type)) {
    site.findings.breaking(
      site.where,
      `${field(site, path)}: type ${shown(before.type)} → ${shown(after.type)}`,
      'rule:type',
    );
    return;
  }
  enumRule(site, direction, before, after, path);
  if (direction === 'request') requestLimits(site, before, after, path);
  objectRule(site, direction, before, after, path, depth);
  if (before.items !== undefined && after.items !== undefined)
    compareSchemas(site, direction, before.items, after.items, `${path}[]`, depth + 1);
}
