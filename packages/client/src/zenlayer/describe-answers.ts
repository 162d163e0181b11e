// What a Describe* read may answer (spec/zenlayer.yaml, Describe*Envelope): a totalCount and a
// dataSet of the documented items, each about an id that was asked for, once. An answer that
// is not that (no dataSet, a dataSet that is a string, an item about another id) is not an
// answer to the question: read as "gone" or handed on, it would decide a release on a guess.
// The value lists are generated from the spec's enums (openapi-typescript --enum-values): a
// status the spec adds or drops is followed here without an edit.
import {
  diskInfoDiskTypeValues,
  diskStatusValues,
  instanceStatusValues,
  portStatusValues,
} from '../generated/zenlayer.js';
import type { ZenlayerCompanion } from './types.js';

interface ItemRules {
  /** The item's id field, a ResourceId (a non-empty string). */
  id: string;
  /** The item's status field, with the values the spec lists. */
  status: string;
  statuses: ReadonlySet<string>;
  /** The item's optional fields: a string, or one of these values. */
  optional: Record<string, ReadonlySet<string> | 'string'>;
}

const ITEMS = {
  DescribeInstances: {
    id: 'instanceId',
    status: 'instanceStatus',
    statuses: new Set(instanceStatusValues),
    optional: { instanceName: 'string' },
  },
  DescribeDisks: {
    id: 'diskId',
    status: 'diskStatus',
    statuses: new Set(diskStatusValues),
    optional: { diskName: 'string', diskType: new Set(diskInfoDiskTypeValues) },
  },
  DescribePorts: {
    id: 'portId',
    status: 'portStatus',
    statuses: new Set(portStatusValues),
    optional: { portName: 'string' },
  },
} satisfies Record<string, ItemRules>;

/** The reads whose answers are checked here. */
export type DescribeAction = keyof typeof ITEMS & ZenlayerCompanion;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with one item, naming its field; undefined when it is a documented item. */
function itemFault(rules: ItemRules, item: unknown, at: string): string | undefined {
  if (!isObject(item)) return `${at} is not an object`;
  const id = item[rules.id];
  if (typeof id !== 'string' || id === '') return `${at}.${rules.id} is not a non-empty string`;
  if (!rules.statuses.has(item[rules.status] as string)) return `${at}.${rules.status} is not a documented status`;
  for (const [field, allowed] of Object.entries(rules.optional)) {
    const value = item[field];
    if (value === undefined) continue;
    const ok = allowed === 'string' ? typeof value === 'string' : allowed.has(value as string);
    if (!ok) return `${at}.${field} is not ${allowed === 'string' ? 'a string' : 'a documented value'}`;
  }
  return undefined;
}

/**
 * What makes `response` (the 200 envelope's) not an answer to a read of `asked`: the field and
 * the rule, never the value (an answer's text is the server's, not ours to print). Undefined
 * for the documented answer. Item fields the spec does not list are passed on as they are.
 */
export function describeAnswerFault(
  action: DescribeAction,
  asked: readonly string[],
  response: Record<string, unknown>,
): string | undefined {
  const rules: ItemRules = ITEMS[action];
  const { totalCount, dataSet } = response;
  if (!Array.isArray(dataSet)) return dataSet === undefined ? 'dataSet is missing' : 'dataSet is not an array';
  const wanted = new Set(asked);
  if (!Number.isSafeInteger(totalCount) || (totalCount as number) < dataSet.length)
    return 'totalCount is not an integer ≥ the items in dataSet';
  if ((totalCount as number) > wanted.size) return 'totalCount counts more than the ids asked for';
  const seen = new Set<string>();
  for (const [i, item] of dataSet.entries()) {
    const fault = itemFault(rules, item, `dataSet[${i}]`);
    if (fault !== undefined) return fault;
    const id = (item as Record<string, string>)[rules.id]!;
    if (!wanted.has(id)) return `dataSet[${i}].${rules.id} is not an id asked for`;
    if (seen.has(id)) return `dataSet[${i}].${rules.id} repeats an earlier item's`;
    seen.add(id);
  }
  return undefined;
}
