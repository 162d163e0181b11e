// teardown(): carries each listed resource to gone (or to the recycle bin, with release:
// false) and says where each one ended. Zenlayer resources go in groups of up to 100 of one
// type (one Describe, one ReleaseInstances per group); Neutron ports one by one.
import { checkInput } from './input.js';
import { limiter } from './limiter.js';
import { neutronPort } from './neutron-steps.js';
import { runContext } from './run-context.js';
import type { Ended, TeardownInput, TeardownResult } from './types.js';
import { DESCRIBE_BATCH } from './waiters-zenlayer.js';
import { zenlayerChunk } from './zenlayer-steps.js';

/**
 * How many groups of Zenlayer resources (and Neutron ports) are carried at once, per call slot.
 * Calls go `concurrency` at a time whatever this is; it bounds what waits for them. Started all
 * at once, a teardown of 10,000 resources held 10,000 suspended steps for 4 call slots (its peak
 * memory grew about 11 KiB a resource); this many keeps every slot busy while others wait.
 */
const GROUPS_PER_SLOT = 2;
const PORTS_PER_SLOT = 25;

/**
 * Carries every resource to gone; resolves with one result per resource, in input order. It
 * rejects only for bad input (a ValidationError, before anything is sent): a refusal, a
 * timeout or an unknown outcome is a result, never swallowed.
 */
export async function teardown(input: TeardownInput): Promise<TeardownResult[]> {
  const { resources, concurrency } = checkInput(input);
  const ctx = runContext(input.options ?? {}, concurrency);
  const ends = new Map<string, Ended>();
  const key = (provider: string, type: string, id: string) => `${provider}:${type}:${id}`;
  const tasks: Array<Promise<void>> = [];
  const groups = limiter(GROUPS_PER_SLOT * concurrency);
  const ports = limiter(PORTS_PER_SLOT * concurrency);

  for (const type of ['instance', 'disk', 'port'] as const) {
    const ids = resources.filter((r) => r.provider === 'zenlayer' && r.type === type).map((r) => r.id);
    for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) {
      const chunk = ids.slice(i, i + DESCRIBE_BATCH);
      tasks.push(
        groups(() => zenlayerChunk(ctx, input.zenlayer!, type, chunk)).then((got) => {
          for (const [id, end] of got) ends.set(key('zenlayer', type, id), end);
        }),
      );
    }
  }
  for (const r of resources.filter((r) => r.provider === 'neutron'))
    tasks.push(
      ports(() => neutronPort(ctx, input.neutron!, r.id)).then((end) => {
        ends.set(key('neutron', r.type, r.id), end);
      }),
    );
  try {
    await Promise.all(tasks);
  } finally {
    ctx.dispose();
  }
  return resources.map((r) => ({
    ...r,
    ...(ends.get(key(r.provider, r.type, r.id)) ?? { result: 'not-started', step: 'read' }),
  }));
}
