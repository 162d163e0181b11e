// teardown()'s input checked whole before anything is sent: every problem names the field and
// its rule (a ValidationError), as the clients do for their own input.
import { ValidationError } from '../transport/errors.js';
import { NEUTRON_WAIT } from './acceptors-neutron.js';
import { ZENLAYER_WAIT } from './acceptors-zenlayer.js';
import type { TeardownInput, TeardownResource } from './types.js';
import { resolveTimings } from './waiter.js';

const TYPES = { zenlayer: ['instance', 'disk', 'port'], neutron: ['neutron-port'] } as const;
/** Neutron's port ids are UUIDs (spec/neutron.yaml PortId). */
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** The most API calls in flight a teardown allows. */
export const MAX_TEARDOWN_CONCURRENCY = 64;
export const DEFAULT_TEARDOWN_CONCURRENCY = 4;

const fail = (field: string, limit: string, got: unknown): never => {
  const shown = typeof got === 'string' ? JSON.stringify(got) : String(got);
  throw new ValidationError(field, limit, `${field} must be ${limit} (got ${shown}); nothing was sent`);
};

/** The resources as given (checked), and the concurrency. */
export function checkInput(input: TeardownInput): { resources: TeardownResource[]; concurrency: number } {
  if (!Array.isArray(input?.resources)) fail('resources', 'a list', input?.resources);
  const seen = new Set<string>();
  const resources = input.resources.map((r, i) => {
    const at = `resources[${i}]`;
    if (typeof r !== 'object' || r === null) fail(at, 'an object { provider, type, id }', r);
    const types: readonly string[] | undefined = TYPES[r.provider as keyof typeof TYPES];
    if (!types) fail(`${at}.provider`, 'zenlayer or neutron', r.provider);
    if (!types!.includes(r.type)) fail(`${at}.type`, `one of ${types!.join(', ')} for ${r.provider}`, r.type);
    if (typeof r.id !== 'string' || r.id.trim() === '') fail(`${at}.id`, 'a non-empty string', r.id);
    if (r.provider === 'neutron' && !UUID.test(r.id)) fail(`${at}.id`, 'a UUID', r.id);
    if (!input[r.provider]) fail(r.provider, `a ${r.provider} client (${at} is a ${r.provider} resource)`, undefined);
    const key = `${r.provider}:${r.type}:${r.id}`;
    if (seen.has(key)) fail(`${at}.id`, 'listed once', r.id);
    seen.add(key);
    return { provider: r.provider, type: r.type, id: r.id } as TeardownResource;
  });
  const o = input.options ?? {};
  const concurrency = o.concurrency ?? DEFAULT_TEARDOWN_CONCURRENCY;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_TEARDOWN_CONCURRENCY)
    fail('concurrency', `an integer 1..${MAX_TEARDOWN_CONCURRENCY}`, concurrency);
  if (o.onStep !== undefined && typeof o.onStep !== 'function') fail('onStep', 'a function', typeof o.onStep);
  resolveTimings(o.zenlayerWait ?? {}, ZENLAYER_WAIT);
  resolveTimings(o.neutronWait ?? {}, NEUTRON_WAIT);
  return { resources, concurrency };
}
