// teardown() for Zenlayer instances, disks and ports against the stateful mock over HTTP:
// each starting status, a refusal at each step, a stuck resource, release:false, and the
// release batches of a large teardown, as the mock's journal (GET /__mock/requests) shows them.
import { describe, expect, it } from 'vitest';
import type { ZenlayerTeardownClient } from '../src/index.js';
import { stopMocksAfterEach, zenlayerMock, zenlayerTeardown, zl } from './support/stateful-mocks.js';

stopMocksAfterEach();

/** i-1, d-1 and p-1, seeded at these statuses; `all` tears the three down. */
const seedAll = (instance: string, disk: string, port: string) =>
  zenlayerMock([
    { type: 'instance', id: 'i-1', status: instance },
    { type: 'disk', id: 'd-1', status: disk },
    { type: 'port', id: 'p-1', status: port },
  ]);
const all = [zl('instance', 'i-1'), zl('disk', 'd-1'), zl('port', 'p-1')];
const ops = (journal: Array<{ operation: string }>) => journal.map((r) => r.operation);
/** The journal without the reads: the calls that change state, with their answers. */
const changes = (journal: Array<{ operation: string; ids: string[]; status: number | null }>) =>
  journal.filter((r) => !r.operation.startsWith('Describe')).map((r) => [r.operation, r.ids.join(','), r.status]);

describe('teardown of Zenlayer resources', () => {
  it('from RUNNING / AVAILABLE: read, terminate, recycle bin, release, gone', async () => {
    const { mock, client } = await seedAll('RUNNING', 'AVAILABLE', 'RUNNING');
    const results = await zenlayerTeardown(client, all);
    expect(results).toEqual([
      { ...zl('instance', 'i-1'), result: 'gone', status: null },
      { ...zl('disk', 'd-1'), result: 'gone', status: null },
      { ...zl('port', 'p-1'), result: 'gone', status: null },
    ]);
    const journal = await mock.journal();
    expect(changes(journal)).toEqual(
      expect.arrayContaining([
        ['TerminateInstance', 'i-1', 200],
        ['ReleaseInstances', 'i-1', 200],
        ['ReleaseDisk', 'd-1', 200],
        ['TerminatePort', 'p-1', 200],
        ['DestroyPort', 'p-1', 200],
      ]),
    );
    expect(changes(journal)).toHaveLength(6); // two ReleaseDisk: the terminate, then the release
    // Per resource, in flow order: read, terminate, wait, release, wait.
    const forInstance = ops(journal.filter((r) => r.ids.includes('i-1')));
    expect(forInstance[0]).toBe('DescribeInstances');
    expect(forInstance.filter((o) => o !== 'DescribeInstances')).toEqual(['TerminateInstance', 'ReleaseInstances']);
    expect(forInstance.at(-1)).toBe('DescribeInstances');
    expect((await mock.control('GET', '/__mock/resources')).resources).toEqual([]);
  });

  it('from the recycle bin: no terminate, straight to the release', async () => {
    const { mock, client } = await seedAll('RECYCLE', 'RECYCLED', 'RECYCLED');
    const results = await zenlayerTeardown(client, all);
    expect(results.map((r) => r.result)).toEqual(['gone', 'gone', 'gone']);
    expect(changes(await mock.journal()).sort()).toEqual([
      ['DestroyPort', 'p-1', 200],
      ['ReleaseDisk', 'd-1', 200],
      ['ReleaseInstances', 'i-1', 200],
    ]);
  });

  it('on the way into the recycle bin (RECYCLING): waits, then releases, without a terminate', async () => {
    const { mock, client } = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    await client.terminateInstance('i-1');
    await mock.control('DELETE', '/__mock/requests');
    const [result] = await zenlayerTeardown(client, [zl('instance', 'i-1')]);
    expect(result).toMatchObject({ result: 'gone' });
    expect(changes(await mock.journal())).toEqual([['ReleaseInstances', 'i-1', 200]]);
  });

  it('already gone: already-gone, and nothing but the read is sent', async () => {
    const { mock, client } = await zenlayerMock([]);
    const results = await zenlayerTeardown(client, [zl('instance', 'i-x'), zl('disk', 'd-x'), zl('port', 'p-x')]);
    expect(results.map((r) => [r.id, r.result])).toEqual([
      ['i-x', 'already-gone'],
      ['d-x', 'already-gone'],
      ['p-x', 'already-gone'],
    ]);
    expect(ops(await mock.journal()).sort()).toEqual(['DescribeDisks', 'DescribeInstances', 'DescribePorts']);
  });

  it('release: false stops in the recycle bin, and no release is sent', async () => {
    const { mock, client } = await seedAll('RUNNING', 'AVAILABLE', 'RECYCLED');
    const results = await zenlayerTeardown(client, all, { release: false });
    expect(results.map((r) => [r.id, r.result, r.status])).toEqual([
      ['i-1', 'in-recycle-bin', 'RECYCLE'],
      ['d-1', 'in-recycle-bin', 'RECYCLED'],
      ['p-1', 'in-recycle-bin', 'RECYCLED'],
    ]);
    expect(changes(await mock.journal()).sort()).toEqual([
      ['ReleaseDisk', 'd-1', 200],
      ['TerminateInstance', 'i-1', 200],
    ]);
    const inventory = (await mock.control('GET', '/__mock/resources')).resources as Array<{
      id: string;
      status: string;
    }>;
    expect(inventory.map((r) => [r.id, r.status]).sort()).toEqual([
      ['d-1', 'RECYCLED'],
      ['i-1', 'RECYCLE'],
      ['p-1', 'RECYCLED'],
    ]);
  });

  it('a stuck resource: timeout at the recycle-bin wait with its last status, and nothing released', async () => {
    // A transition of ten minutes: the instance stays RECYCLING for this whole test.
    const { mock, client } = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RUNNING' }], 600_000);
    const [result] = await zenlayerTeardown(client, [zl('instance', 'i-1')], {
      zenlayerWait: { minDelayMs: 20, maxDelayMs: 50, maxWaitMs: 300 },
    });
    expect(result).toEqual({
      ...zl('instance', 'i-1'),
      result: 'timeout',
      step: 'wait-recycle-bin',
      status: 'RECYCLING',
    });
    expect(changes(await mock.journal())).toEqual([['TerminateInstance', 'i-1', 200]]);
  });

  it.each([
    [
      'instance',
      'i-1',
      'TerminateInstance',
      'ReleaseInstances',
      403,
      'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
      'RECYCLE',
    ],
    ['port', 'p-1', 'TerminatePort', 'DestroyPort', 500, 'INTERNAL_SERVER_ERROR', 'RECYCLED'],
  ] as const)(
    'a %s whose release fails after the terminate: refused at release with the code (never swallowed, not reported gone)',
    async (type, id, terminate, release, status, code, recycled) => {
      const { mock, client } = await zenlayerMock([{ type, id, status: 'RUNNING' }]);
      await mock.control('POST', '/__mock/faults', { faults: [{ operation: release, status, code }] });
      const [result] = await zenlayerTeardown(client, [zl(type, id)]);
      expect(result).toMatchObject({ result: 'refused', step: 'release', code, status: recycled });
      expect(changes(await mock.journal())).toEqual([
        [terminate, id, 200],
        [release, id, status],
      ]);
    },
  );

  it('a release sent and never answered (the connection dropped after it applied): unknown at release', async () => {
    const { mock, client } = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    await mock.control('POST', '/__mock/faults', { faults: [{ operation: 'ReleaseInstances', applyThenDrop: true }] });
    const [result] = await zenlayerTeardown(client, [zl('instance', 'i-1')]);
    expect(result).toMatchObject({ result: 'unknown', step: 'release' });
    expect(changes(await mock.journal())).toEqual([['ReleaseInstances', 'i-1', null]]);
  });

  it('a terminate the API refuses: refused at terminate, nothing more sent for it', async () => {
    const { mock, client } = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'PENDING' }]);
    const [result] = await zenlayerTeardown(client, [zl('instance', 'i-1')]);
    expect(result).toMatchObject({
      result: 'refused',
      step: 'terminate',
      code: 'OPERATION_DENIED_INSTANCE_CREATING',
      status: 'PENDING',
    });
    expect(changes(await mock.journal())).toEqual([['TerminateInstance', 'i-1', 403]]);
  });

  it('a 503 on the first read is read again, not a refusal', async () => {
    const { mock, client } = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    await mock.control('POST', '/__mock/faults', {
      faults: [{ operation: 'DescribeInstances', status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' }],
    });
    const [result] = await zenlayerTeardown(client, [zl('instance', 'i-1')]);
    expect(result).toMatchObject({ result: 'gone' });
    expect((await mock.journal()).slice(0, 2).map((r) => [r.operation, r.status])).toEqual([
      ['DescribeInstances', 503],
      ['DescribeInstances', 200],
    ]);
  });

  it('concurrency bounds the API calls in flight, reads and waits included', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `i-${i}`);
    const { client } = await zenlayerMock(ids.map((id) => ({ type: 'instance', id, status: 'RUNNING' })));
    let inFlight = 0;
    let most = 0;
    const counted =
      <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        try {
          return await call(...args);
        } finally {
          inFlight -= 1;
        }
      };
    const watched: ZenlayerTeardownClient = {
      describeInstances: counted((i, o) => client.describeInstances(i, o)),
      describeDisks: counted((i, o) => client.describeDisks(i, o)),
      describePorts: counted((i, o) => client.describePorts(i, o)),
      terminateInstance: counted((i, o) => client.terminateInstance(i, o)),
      terminatePort: counted((i, o) => client.terminatePort(i, o)),
      releaseInstances: counted((i, o) => client.releaseInstances(i, o)),
      releaseDisk: counted((i, o) => client.releaseDisk(i, o)),
      destroyPort: counted((i, o) => client.destroyPort(i, o)),
    };
    const results = await zenlayerTeardown(
      watched,
      ids.map((id) => zl('instance', id)),
      { concurrency: 2 },
    );
    expect(results.every((r) => r.result === 'gone')).toBe(true);
    expect(most).toBe(2);
  });

  it('250 instances: released in three batches (100, 100, 50), every read ≤ 100 ids', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `i-${String(i).padStart(3, '0')}`);
    const { mock, client } = await zenlayerMock(ids.map((id) => ({ type: 'instance', id, status: 'RUNNING' })));
    const results = await zenlayerTeardown(
      client,
      ids.map((id) => zl('instance', id)),
      { concurrency: 16 },
    );
    expect(results.every((r) => r.result === 'gone')).toBe(true);
    const journal = await mock.journal();
    const releases = journal.filter((r) => r.operation === 'ReleaseInstances');
    expect(releases.map((r) => [r.ids.length, r.status])).toEqual([
      [100, 200],
      [100, 200],
      [50, 200],
    ]);
    expect(releases.flatMap((r) => r.ids).sort()).toEqual(ids);
    expect(journal.filter((r) => r.operation === 'TerminateInstance')).toHaveLength(250);
    expect(Math.max(...journal.filter((r) => r.operation === 'DescribeInstances').map((r) => r.ids.length))).toBe(100);
  });
});
