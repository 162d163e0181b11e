// The pure parts of the stateful mode, without a server: inventory timing, seed checks, faults.
import { describe, expect, it } from 'vitest';
import { drawDelay } from '../../src/control/fault-delay.js';
import { FaultQueue, parseFault } from '../../src/control/faults.js';
import { Inventory, LENIENT_ID_LIMIT } from '../../src/state/inventory.js';
import { loadResourceSchemas } from '../../src/state/resource-schemas.js';
import { INSTANCE_STATUSES, NEUTRON_PORT_STATUSES } from '../../src/state/resources.js';
import { resourcesOf, SeedError } from '../../src/state/seed.js';
import { specFile } from '../support/spec-file.js';

const schemas = (api: 'zenlayer' | 'neutron') => loadResourceSchemas(api, specFile(api));

describe('Inventory', () => {
  it('applies a pending transition once its time has come, and forgets nothing it held', () => {
    let now = 0;
    const inventory = new Inventory(() => now);
    const instance = inventory.put({ type: 'instance', id: 'i-1', status: 'RECYCLE' });
    inventory.move(instance, 'RELEASING', { afterMs: 100, to: null });
    now = 99;
    expect(inventory.get('instance', 'i-1')?.status).toBe('RELEASING');
    now = 100;
    expect(inventory.get('instance', 'i-1')).toBeUndefined();
    expect(inventory.known('instance', 'i-1')).toBe(true);
    expect(inventory.list()).toEqual([]);
  });

  it('shows a transition only to requests that arrive after the answer that started it', () => {
    const inventory = new Inventory(() => 0);
    inventory.put({ type: 'disk', id: 'd-1', status: 'AVAILABLE' });
    const first = inventory.visit();
    const second = inventory.visit();
    const disk = inventory.seenBy(first).get('disk', 'd-1')!;
    inventory.seenBy(first).move(disk, 'RECYCLING', { afterMs: 0, to: 'RECYCLED' });
    expect(inventory.seenBy(second).get('disk', 'd-1')?.status).toBe('RECYCLING');
    inventory.leave(first);
    const third = inventory.visit();
    // The second arrived before the first answer was out: it still sees the disk being recycled.
    expect(inventory.seenBy(second).get('disk', 'd-1')?.status).toBe('RECYCLING');
    expect(inventory.seenBy(third).get('disk', 'd-1')?.status).toBe('RECYCLED');
    expect(inventory.get('disk', 'd-1')?.status).toBe('RECYCLED');
    inventory.leave(second);
    inventory.leave(third);
    expect(inventory.list()).toEqual([{ type: 'disk', id: 'd-1', status: 'RECYCLED' }]);
  });

  it('forgets the oldest ids a delete made known (Neutron), in one chunk past the limit and a tenth, and tells', () => {
    const told: { type: string; id: string }[][] = [];
    const inventory = new Inventory(Date.now, (forgotten) => told.push(forgotten));
    const total = LENIENT_ID_LIMIT + LENIENT_ID_LIMIT / 10 + 1;
    for (let n = 1; n <= total; n++) inventory.remove({ type: 'port', id: `p-${n}` } as never);
    expect(told).toHaveLength(1);
    expect([told[0]!.length, told[0]![0], told[0]!.at(-1)]).toEqual([
      total - LENIENT_ID_LIMIT,
      { type: 'port', id: 'p-1' },
      { type: 'port', id: `p-${total - LENIENT_ID_LIMIT}` },
    ]);
    expect([inventory.known('port', 'p-1'), inventory.known('port', `p-${total}`)]).toEqual([false, true]);
    expect(inventory.lenientMemory()).toMatchObject({
      remembered: LENIENT_ID_LIMIT,
      forgotten: total - LENIENT_ID_LIMIT,
    });
  });

  // What a lookup costs at this size is measured in `pnpm bench` (§8), side by side with an empty
  // inventory: a wall-clock bound here failed a CI run on a loaded machine (130 ms against 50).
  it('holds 100,000 entries and finds each by its type and id', () => {
    const inventory = new Inventory();
    const status = (n: number) => (n % 2 ? 'AVAILABLE' : 'IN_USE');
    for (let n = 0; n < 100_000; n++) inventory.put({ type: 'disk', id: `d-${n}`, status: status(n) });
    expect(inventory.size).toBe(100_000);
    for (let n = 0; n < 100_000; n += 97)
      expect(inventory.get('disk', `d-${n}`)).toMatchObject({ id: `d-${n}`, status: status(n) });
    expect([inventory.get('port', 'd-5'), inventory.get('disk', 'd-100000')]).toEqual([undefined, undefined]);
  });
});

describe('seed', () => {
  it('lists every problem and accepts none of it', () => {
    const attempt = () =>
      resourcesOf(
        'zenlayer',
        {
          resources: [
            { type: 'disk', id: 'd-1', status: 'AVAILABLE', diskType: 'BOOT' },
            { type: 'disk', id: 'd-1', status: 'AVAILABLE', name: 7 },
            { type: 'port', id: '', status: 'ACTIVE', colour: 'red' },
          ],
        },
        schemas('zenlayer'),
      );
    expect(attempt).toThrow(SeedError);
    const { problems } = (() => {
      try {
        attempt();
      } catch (error) {
        return error as SeedError;
      }
      throw new Error('no error');
    })();
    // Each problem's wording is pinned in seed-checks.test.ts; here, which fields, in order.
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'resources[0].diskType',
      'resources[1].id',
      'resources[1].name',
      'resources[2].colour',
      'resources[2].id',
      'resources[2].status',
    ]);
  });

  it('fills a Neutron port’s defaults (ACTIVE, revision 1, no owner)', () => {
    expect(
      resourcesOf('neutron', { resources: [{ id: '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11' }] }, schemas('neutron')),
    ).toEqual([
      {
        type: 'port',
        id: '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11',
        name: '',
        status: 'ACTIVE',
        device_owner: '',
        revision_number: 1,
      },
    ]);
  });

  it('takes only the statuses the specs document', () => {
    expect(INSTANCE_STATUSES).toContain('RECYCLE');
    expect(INSTANCE_STATUSES).not.toContain('RECYCLED');
    expect(NEUTRON_PORT_STATUSES).toEqual(['ACTIVE', 'DOWN', 'BUILD', 'ERROR', 'N/A']);
  });
});

describe('faults', () => {
  const documented = new Map([['ReleaseDisk', new Map([[429, ['REQUEST_LIMIT_EXCEEDED']]])]]);

  it('parses the three kinds and defaults times to 1', () => {
    expect(parseFault({ latencyMs: 5 }, documented, 'f')).toEqual({ kind: 'latency', times: 1, latencyMs: 5 });
    expect(parseFault({ operation: 'ReleaseDisk', drop: true, times: 2 }, documented, 'f')).toEqual({
      kind: 'drop',
      operation: 'ReleaseDisk',
      times: 2,
    });
    expect(parseFault({ status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' }, documented, 'f')).toMatchObject({
      kind: 'status',
      status: 503,
    });
    expect(parseFault({ drop: true, applyThenDrop: true }, documented, 'f')).toEqual([
      'f must have at most one of status, drop, applyThenDrop, fault',
    ]);
  });

  it('uses a fault up, one answer per time, first queued first', () => {
    const queue = new FaultQueue();
    queue.add([
      { kind: 'drop', operation: 'ReleaseDisk', times: 2 },
      { kind: 'latency', times: 1, latencyMs: 1 },
    ]);
    expect(queue.take('DestroyPort', Math.random)?.kind).toBe('latency');
    expect(queue.take('ReleaseDisk', Math.random)?.kind).toBe('drop');
    expect(queue.take('ReleaseDisk', Math.random)?.kind).toBe('drop');
    expect(queue.take('ReleaseDisk', Math.random)).toBeUndefined();
  });
});

describe('a drawn delay', () => {
  it('uniform: whole ms from lowerMs to upperMs, both reached', () => {
    const uniform = { distribution: 'uniform', lowerMs: 10, upperMs: 20 } as const;
    expect(drawDelay(uniform, () => 0)).toBe(10);
    expect(drawDelay(uniform, () => 0.999_999)).toBe(20);
    expect(drawDelay(uniform, () => 0.5)).toBe(15);
  });

  it('lognormal: never past 60,000 ms, never below 0, whatever the tail', () => {
    const wide = { distribution: 'lognormal', medianMs: 60_000, sigma: 10 } as const;
    // u1 near 1: z ≈ +5.5 (the slow tail); u2 = 0.5: cos(π) = -1, the fast tail.
    expect(drawDelay(wide, () => 0.999_999_9)).toBe(60_000);
    const fast = [0.999_999_9, 0.5];
    expect(drawDelay(wide, () => fast.shift()!)).toBe(0);
    expect(drawDelay({ distribution: 'lognormal', medianMs: 0, sigma: 10 }, () => 0.9)).toBe(0);
  });
});
