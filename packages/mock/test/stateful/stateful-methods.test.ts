// The control plane as the methods of the object startMock({ mode: 'stateful' }) returns, for a
// test in the same process: each does what its /__mock/ call does, and throws what it refuses.
// SeedError from the package: a started mock (built, with its spec) throws the built class.
import { SeedError } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRANSITION_MS } from '../../src/state/options.js';
import { control, manualClock, stateful, statusOf, zenlayer } from './support.js';

const PORT_ID = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const seed = { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] };

describe('resources', () => {
  it('addResources returns what it added, checked (Neutron’s defaults filled), and overwrites by id', async () => {
    const mock = await stateful({ api: 'neutron', seed: { resources: [{ id: PORT_ID, name: 'old' }] } });
    const added = mock.addResources([{ id: PORT_ID, name: 'new', status: 'DOWN' }]);
    const port = { type: 'port', id: PORT_ID, name: 'new', status: 'DOWN', device_owner: '', revision_number: 1 };
    expect(added).toEqual([port]);
    expect(mock.resources()).toEqual([port]);
    expect((await control(mock, 'GET', 'resources')).body.resources).toEqual([port]);
  });

  it('addResources throws a SeedError for one bad resource, and adds none of them', async () => {
    const mock = await stateful({ api: 'zenlayer', seed });
    expect(() =>
      mock.addResources([
        { type: 'instance', id: 'i-1', status: 'RUNNING' },
        { type: 'instance', id: 'i-2', status: 'GONE' },
      ]),
    ).toThrow(SeedError);
    expect(() => mock.addResources([{ type: 'disk', id: 'd-2' }])).toThrow(
      /^The seed was refused whole \(nothing changed\): resources\[0\]\.status must be one of the disk statuses /,
    );
    expect(mock.resources()).toEqual(seed.resources);
  });

  it('reset goes back to the seed, and clears the journal and the faults', async () => {
    const mock = await stateful({ api: 'zenlayer', seed, transitionMs: 0 });
    mock.addResources([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
    mock.fault({ drop: true });
    expect(mock.resources()).toEqual([
      { type: 'disk', id: 'd-1', status: 'RECYCLED' },
      { type: 'instance', id: 'i-1', status: 'RUNNING' },
    ]);
    mock.reset();
    expect(mock.resources()).toEqual(seed.resources);
    expect(mock.requests()).toEqual([]);
    expect(mock.faults()).toEqual([]);
    expect((await zenlayer(mock, 'DescribeDisks', {})).status).toBe(200);
  });

  it('without a seed, reset empties the inventory', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    mock.addResources([{ type: 'port', id: 'p-1', status: 'RUNNING' }]);
    mock.reset();
    expect(mock.resources()).toEqual([]);
  });
});

describe('journal and faults', () => {
  it('requests lists what was answered; clearRequests empties it', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    await zenlayer(mock, 'DescribeDisks', {});
    expect(mock.requests()).toMatchObject([{ operation: 'DescribeDisks', status: 200 }]);
    mock.clearRequests();
    expect(mock.requests()).toEqual([]);
    expect((await control(mock, 'GET', 'requests')).body).toMatchObject({ requests: [], bytes: 0, dropped: 0 });
  });

  it('fault queues each argument and returns what it queued; faults lists them all; clearFaults empties it', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    expect(mock.fault({ drop: true })).toEqual([{ kind: 'drop', times: 1 }]);
    expect(mock.fault({ latencyMs: 1 }, { operation: 'ReleaseDisk', drop: true, times: 2 })).toEqual([
      { kind: 'latency', times: 1, latencyMs: 1 },
      { kind: 'drop', operation: 'ReleaseDisk', times: 2 },
    ]);
    expect(mock.faults()).toHaveLength(3);
    mock.clearFaults();
    expect(mock.faults()).toEqual([]);
    expect((await control(mock, 'GET', 'faults')).body).toEqual({ faults: [] });
  });

  it('fault throws naming each wrong argument by its index, and queues none', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    expect(() => mock.fault({ drop: true }, { latencyMs: -1 }, { drop: true, times: 0 })).toThrow(
      /^faults\[1\]\.latencyMs must be an integer 0\.\.60000; faults\[2\]\.times must be an integer 1\.\.1000000$/,
    );
    expect(mock.faults()).toEqual([]);
  });
});

describe('options', () => {
  it('times transitions by its `now` clock: DEFAULT_TRANSITION_MS when none is given', async () => {
    const clock = manualClock();
    const mock = await stateful({ api: 'zenlayer', seed, now: clock.now });
    await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
    const during = await statusOf(mock, 'DescribeDisks', { diskIds: ['d-1'] });
    clock.advance(DEFAULT_TRANSITION_MS - 1);
    expect(await statusOf(mock, 'DescribeDisks', { diskIds: ['d-1'] })).toEqual(during);
    clock.advance(1);
    expect(await statusOf(mock, 'DescribeDisks', { diskIds: ['d-1'] })).not.toEqual(during);
  });
});
