// A pin through the control plane: `{ type, id, status }` holds a resource at a status its type
// has (a stuck resource, e.g. an instance that never leaves RECYCLING); `{ type, id }` unpins it.
// The types, statuses and passages are the provider's (its Lifecycle).
import { isObject } from '../json-object.js';
import type { Api } from '../providers/index.js';
import type { Lifecycle } from '../providers/provider.js';
import { InvalidControlInput, shown } from './control-input.js';
import type { Resource } from './resources.js';

export interface PinTarget {
  type: Resource['type'];
  id: string;
}

/** Checks `{ type, id, status }` (or `{ type, id }` to unpin); throws InvalidControlInput naming each problem. */
export function parsePin(
  api: Api,
  lifecycle: Lifecycle,
  input: unknown,
  withStatus: true,
): PinTarget & { status: string };
export function parsePin(api: Api, lifecycle: Lifecycle, input: unknown, withStatus: false): PinTarget;
export function parsePin(
  api: Api,
  lifecycle: Lifecycle,
  input: unknown,
  withStatus: boolean,
): PinTarget & { status?: string } {
  const fields = withStatus ? ['type', 'id', 'status'] : ['type', 'id'];
  const body = withStatus ? '{ "type", "id", "status" }' : '{ "type", "id" }';
  if (!isObject(input)) throw new InvalidControlInput([`the body must be ${body}`]);
  const problems = Object.keys(input)
    .filter((field) => !fields.includes(field))
    .map((field) => `${shown(field)} is not a field of this call (${fields.join(', ')})`);
  const types = lifecycle.statuses;
  const statuses = typeof input.type === 'string' && Object.hasOwn(types, input.type) ? types[input.type] : undefined;
  if (!statuses)
    problems.push(`type must be one of ${Object.keys(types).join(', ')} on the ${api} mock (got ${shown(input.type)})`);
  if (typeof input.id !== 'string' || input.id === '')
    problems.push(`id must be a non-empty string (got ${shown(input.id)})`);
  if (withStatus && statuses && !statuses.includes(input.status as string))
    problems.push(
      `status must be one of the ${input.type} statuses ${statuses.join(', ')} (got ${shown(input.status)})`,
    );
  if (problems.length) throw new InvalidControlInput(problems);
  return input as unknown as PinTarget & { status?: string };
}

/** What `resource`'s status becomes when its transition ends, if it is a status in passage. */
export function passageOf(lifecycle: Lifecycle, resource: Resource): { to: string | null } | undefined {
  const passages = Object.hasOwn(lifecycle.passages, resource.type) ? lifecycle.passages[resource.type] : undefined;
  return passages && Object.hasOwn(passages, resource.status) ? { to: passages[resource.status]! } : undefined;
}

/** The refusal for a pin or unpin of an id the inventory does not hold. */
export const notHeld = ({ type, id }: PinTarget) =>
  new InvalidControlInput([`id: no ${type} ${shown(id)} in the inventory (GET /__mock/resources lists them)`]);
