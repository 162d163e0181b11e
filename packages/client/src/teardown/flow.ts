// teardown(): carries each listed resource to gone (or to the recycle bin, with release:
// false) and says where each one ended. Zenlayer resources go in groups of up to 100 of one
// type (one Describe, one ReleaseInstances per group); Neutron ports one by one.
import { checkInput } from './input.js';
import { neutronPort } from './neutron-steps.js';
import { runContext } from './run-context.js';
import type { Ended, TeardownInput, TeardownResult } from './types.js';
import { DESCRIBE_BATCH } from './waiters-zenlayer.js';
import { zenlayerChunk } from './zenlayer-steps.js';

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

  for (const type of ['instance', 'disk', 'port'] as const) {
    const ids = resources.filter((r) => r.provider === 'zenlayer' && r.type === type).map((r) => r.id);
    for (let i = 0; i < ids.length; i += DESCRIBE_BATCH) {
      const chunk = ids.slice(i, i + DESCRIBE_BATCH);
      tasks.push(
        zenlayerChunk(ctx, input.zenlayer!, type, chunk).then((got) => {
          for (const [id, end] of got) ends.set(key('zenlayer', type, id), end);
        }),
      );
    }
  }
  for (const r of resources.filter((r) => r.provider === 'neutron'))
    tasks.push(
      neutronPort(ctx, input.neutron!, r.id).then((end) => {
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
