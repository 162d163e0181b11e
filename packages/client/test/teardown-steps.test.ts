// How a teardown run is steered and watched: onStep around every state-changing call, stopping
// (stopSignal) and aborting (signal), and its input refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { type StepEvent, teardown, ValidationError } from '../src/index.js';
import { FAST, neutronMock, stopMocksAfterEach, zenlayerMock, zenlayerTeardown, zl } from './support/stateful-mocks.js';

stopMocksAfterEach();

const P = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const np = { provider: 'neutron' as const, type: 'neutron-port' as const, id: P };

describe('onStep', () => {
  it('is called before every state-changing call (not yet in the journal) and after its outcome (in it)', async () => {
    const z = await zenlayerMock([
      { type: 'instance', id: 'i-1', status: 'RUNNING' },
      { type: 'disk', id: 'd-1', status: 'AVAILABLE' },
    ]);
    const n = await neutronMock([{ id: P, revision_number: 3 }]);
    const events: string[] = [];
    const sent = () =>
      [...z.mock.requestsNow(), ...n.mock.requestsNow()].filter((r) => !/^(Describe|ShowPort)/.test(r.operation ?? ''))
        .length;
    const onStep = (e: StepEvent) => {
      events.push(
        `${e.phase} ${e.step} ${e.action} ${e.ids.join(',')}${e.outcome ? ` ${e.outcome}` : ''} sent=${sent()}`,
      );
    };
    const results = await teardown({
      zenlayer: z.client,
      neutron: n.client,
      resources: [zl('instance', 'i-1'), zl('disk', 'd-1'), np],
      options: { zenlayerWait: FAST, concurrency: 1, onStep },
    });
    expect(results.map((r) => r.result)).toEqual(['gone', 'gone', 'gone']);
    const per = (id: string) => events.filter((e) => e.split(' ')[3] === id).map((e) => e.replace(/ sent=\d+$/, ''));
    expect(per('i-1')).toEqual([
      'before terminate TerminateInstance i-1',
      'after terminate TerminateInstance i-1 accepted',
      'before release ReleaseInstances i-1',
      'after release ReleaseInstances i-1 accepted',
    ]);
    expect(per('d-1')).toEqual([
      'before terminate ReleaseDisk d-1',
      'after terminate ReleaseDisk d-1 accepted',
      'before release ReleaseDisk d-1',
      'after release ReleaseDisk d-1 accepted',
    ]);
    expect(per(P)).toEqual([`before delete DeletePort ${P}`, `after delete DeletePort ${P} accepted`]);
    // Each `before` saw one call fewer in the journals than its `after`: it came first.
    for (let i = 0; i < events.length; i += 2) {
      const count = (e: string) => Number(e.split('sent=')[1]);
      expect(events[i]).toMatch(/^before/);
      expect(count(events[i + 1]!)).toBe(count(events[i]!) + 1);
    }
  });

  it('a refused call: after carries the outcome and the code; the Neutron delete names its If-Match revision', async () => {
    const n = await neutronMock([{ id: P, revision_number: 3 }]);
    await n.mock.control('POST', '/__mock/faults', {
      faults: [{ operation: 'DeletePort', status: 403, type: 'PolicyNotAuthorized' }],
    });
    const events: StepEvent[] = [];
    await teardown({ neutron: n.client, resources: [np], options: { onStep: (e) => events.push(e) } });
    const deletePort = {
      step: 'delete',
      provider: 'neutron',
      type: 'neutron-port',
      ids: [P],
      action: 'DeletePort',
      revision: 3,
    };
    expect(events).toEqual([
      { phase: 'before', ...deletePort },
      { phase: 'after', ...deletePort, outcome: 'refused', code: 'PolicyNotAuthorized' },
    ]);
  });

  it('a `before` that throws: that call is not sent and no new step starts', async () => {
    const z = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    const results = await zenlayerTeardown(z.client, [zl('instance', 'i-1')], {
      onStep: () => {
        throw new Error('journal full');
      },
    });
    expect(results).toEqual([
      { ...zl('instance', 'i-1'), result: 'not-started', step: 'terminate', status: 'RUNNING' },
    ]);
    expect((await z.mock.journal()).map((r) => r.operation)).toEqual(['DescribeInstances']);
  });
});

describe('stopping and aborting', () => {
  it('stopSignal: the call in flight finishes, nothing new starts; the rest are not-started at their next step', async () => {
    const z = await zenlayerMock(['i-1', 'i-2', 'i-3'].map((id) => ({ type: 'instance', id, status: 'RUNNING' })));
    const stop = new AbortController();
    const results = await zenlayerTeardown(
      z.client,
      ['i-1', 'i-2', 'i-3'].map((id) => zl('instance', id)),
      {
        concurrency: 1,
        stopSignal: stop.signal,
        onStep: (e) => {
          if (e.phase === 'before') stop.abort();
        },
      },
    );
    expect(results.map((r) => [r.id, r.result, 'step' in r ? r.step : undefined])).toEqual([
      ['i-1', 'not-started', 'wait-recycle-bin'],
      ['i-2', 'not-started', 'terminate'],
      ['i-3', 'not-started', 'terminate'],
    ]);
    const journal = await z.mock.journal();
    expect(journal.filter((r) => r.operation === 'TerminateInstance').map((r) => [r.ids[0], r.status])).toEqual([
      ['i-1', 200],
    ]);
  });

  it('signal aborted before the start: every resource not-started at read, nothing sent', async () => {
    const z = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    const n = await neutronMock([{ id: P }]);
    const results = await teardown({
      zenlayer: z.client,
      neutron: n.client,
      resources: [zl('instance', 'i-1'), np],
      options: { signal: AbortSignal.abort() },
    });
    expect(results.map((r) => [r.result, 'step' in r ? r.step : undefined])).toEqual([
      ['not-started', 'read'],
      ['not-started', 'read'],
    ]);
    expect([...(await z.mock.journal()), ...(await n.mock.journal())]).toEqual([]);
  });

  it('signal aborted while a terminate is in flight: unknown at terminate (it was sent)', async () => {
    const z = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    await z.mock.control('POST', '/__mock/faults', { faults: [{ operation: 'TerminateInstance', latencyMs: 2_000 }] });
    const abort = new AbortController();
    const [result] = await zenlayerTeardown(z.client, [zl('instance', 'i-1')], {
      signal: abort.signal,
      onStep: (e) => {
        if (e.phase === 'before') setTimeout(() => abort.abort(), 50);
      },
    });
    expect(result).toMatchObject({ result: 'unknown', step: 'terminate' });
  });

  it('signal aborted during a wait: not-started at that wait, nothing released', async () => {
    const z = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RUNNING' }], 600_000);
    const abort = new AbortController();
    const [result] = await zenlayerTeardown(z.client, [zl('instance', 'i-1')], {
      signal: abort.signal,
      onStep: (e) => {
        if (e.phase !== 'after') return;
        // Abort once the wait has read the instance (its second read began only after the first ended).
        const timer = setInterval(() => {
          const reads = z.mock.requestsNow().filter((r) => r.operation === 'DescribeInstances');
          if (reads.length >= 3) {
            clearInterval(timer);
            abort.abort();
          }
        }, 5);
      },
    });
    expect(result).toMatchObject({ result: 'not-started', step: 'wait-recycle-bin', status: 'RECYCLING' });
    expect((await z.mock.journal()).filter((r) => r.operation === 'ReleaseInstances')).toEqual([]);
  });
});

describe('input', () => {
  it.each([
    [{ resources: [{ provider: 'aws', type: 'instance', id: 'i-1' }] }, 'resources[0].provider'],
    [{ resources: [{ provider: 'zenlayer', type: 'neutron-port', id: 'i-1' }] }, 'resources[0].type'],
    [{ resources: [{ provider: 'zenlayer', type: 'instance', id: '' }] }, 'resources[0].id'],
    [{ resources: [{ provider: 'neutron', type: 'neutron-port', id: 'not-a-uuid' }] }, 'resources[0].id'],
    [
      {
        resources: [
          { provider: 'zenlayer', type: 'instance', id: 'i-1' },
          { provider: 'zenlayer', type: 'instance', id: 'i-1' },
        ],
      },
      'resources[1].id',
    ],
    [{ resources: [], options: { concurrency: 0 } }, 'concurrency'],
    [{ resources: [], options: { zenlayerWait: { minDelayMs: -1 } } }, 'minDelayMs'],
  ])('%j is refused naming %s, and nothing is sent', async (input, field) => {
    const z = await zenlayerMock([]);
    const error = await teardown({ zenlayer: z.client, ...(input as object) } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect(await z.mock.journal()).toEqual([]);
  });

  it('a Neutron port without a Neutron client is refused naming the client', async () => {
    const error = await teardown({ resources: [np] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ValidationError', field: 'neutron' });
  });
});
