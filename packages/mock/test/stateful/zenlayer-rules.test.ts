// Zenlayer's lifecycle rules at their edges, as a client reads the answers: what an id never
// seen becomes, the refusal for each state a resource can be in (its status, code and the
// wording of its message, pinned here), and how Describe names what it shows. The lifecycles
// themselves, step by step, are in zenlayer-lifecycle.test.ts.
import { describe, expect, it } from 'vitest';
import { statefulInProcess, statusOf, zenlayer } from './support.js';

/** A stateful Zenlayer mock that holds these resources. */
const holding = (...resources: Record<string, string>[]) => statefulInProcess({ api: 'zenlayer', seed: { resources } });
const refusal = (status: number, code: string, message: string) => ({ status, body: { code, message } });

describe('ids never seen, not strict: created in the state their action needs', () => {
  // A transition slower than any machine: the state right after the move is the one asserted.
  it.each([
    ['TerminateInstance', { instanceId: 'i-new' }, 'DescribeInstances', { instanceIds: ['i-new'] }, 'RECYCLING'],
    ['ReleaseDisk', { diskId: 'd-new' }, 'DescribeDisks', { diskIds: ['d-new'] }, 'RECYCLING'],
    ['TerminatePort', { portId: 'p-new' }, 'DescribePorts', { portIds: ['p-new'] }, 'DELETING'],
  ])('%s on a new id: accepted, %s shows it %s', async (action, body, describe, ids, status) => {
    const mock = await statefulInProcess({ api: 'zenlayer', transitionMs: 60_000 });
    expect((await zenlayer(mock, action, body)).status).toBe(200);
    expect(await statusOf(mock, describe, ids)).toEqual([status]);
  });
});

describe('ids never seen, not strict: a first release is accepted, then 404; a read creates none', () => {
  it('ReleaseInstances and DestroyPort on a bare mock', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-new'] })).status).toBe(200);
    expect((await zenlayer(mock, 'DestroyPort', { portId: 'p-new' })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 80));
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-new'] })).status).toBe(404);
    expect((await zenlayer(mock, 'DestroyPort', { portId: 'p-new' })).status).toBe(404);
  });

  it('a Describe of an id never seen: empty, and nothing created', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const read = await zenlayer(mock, 'DescribeInstances', { instanceIds: ['i-new'] });
    expect(read.body.response).toEqual({ requestId: read.body.requestId, totalCount: 0, dataSet: [] });
    expect(mock.resources()).toEqual([]);
  });
});

describe('ids never seen, strict: 404 with the not-found code, naming the id', () => {
  it.each([
    ['TerminateInstance', { instanceId: 'i-x' }, 'INVALID_INSTANCE_NOT_FOUND', 'Instance i-x does not exist.'],
    ['ReleaseDisk', { diskId: 'd-x' }, 'INVALID_DISK_NOT_FOUND', 'Disk d-x does not exist.'],
    ['TerminatePort', { portId: 'p-x' }, 'SELF_SERVICE_PORT_NOT_FOUND', 'Port p-x not found.'],
    ['DestroyPort', { portId: 'p-x' }, 'SELF_SERVICE_PORT_NOT_FOUND', 'Port p-x not found.'],
  ])('%s', async (action, body, code, message) => {
    const mock = await statefulInProcess({ api: 'zenlayer', strict: true });
    expect(await zenlayer(mock, action, body)).toMatchObject(refusal(404, code, message));
  });

  it('ReleaseInstances: every id that does not exist, in one 404', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', strict: true });
    expect(await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-8', 'i-9'] })).toMatchObject(
      refusal(404, 'INVALID_INSTANCE_NOT_FOUND', 'Instance i-8, i-9 does not exist.'),
    );
  });
});

describe('instances refused by status', () => {
  it.each(['PENDING', 'DEPLOYING'])('an instance %s is not terminated: 403 CREATING, status kept', async (status) => {
    const mock = await holding({ type: 'instance', id: 'i-1', status });
    expect(await zenlayer(mock, 'TerminateInstance', { instanceId: 'i-1' })).toMatchObject(
      refusal(403, 'OPERATION_DENIED_INSTANCE_CREATING', 'Instance i-1 is being created.'),
    );
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-1'] })).toEqual([status]);
  });

  it('ReleaseInstances names each instance outside the recycle bin with its status, and releases none', async () => {
    const mock = await holding(
      { type: 'instance', id: 'i-1', status: 'RUNNING' },
      { type: 'instance', id: 'i-2', status: 'STOPPED' },
    );
    expect(await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1', 'i-2'] })).toMatchObject(
      refusal(
        403,
        'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
        'Only operations on instances in recycle bin are supported: i-1 (RUNNING), i-2 (STOPPED).',
      ),
    );
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-1', 'i-2'] })).toEqual(['RUNNING', 'STOPPED']);
  });
});

describe('terminated again: 403 RECYCLED, naming what is already in the recycle bin', () => {
  const inEach = (statuses: string[], action: string, type: string, id: string, named: string) =>
    statuses.map((status) => ({ status, action, type, id, named }));
  it.each([
    ...inEach(['RECYCLE', 'RECYCLING', 'RELEASING'], 'TerminateInstance', 'instance', 'i-1', 'Instance i-1'),
    ...inEach(['RECYCLED', 'DELETING', 'DESTROYING', 'DESTROYED'], 'TerminatePort', 'port', 'p-1', 'Port p-1'),
  ])('$action on the $type in $status', async ({ status, action, type, id, named }) => {
    const mock = await holding({ type, id, status });
    expect(await zenlayer(mock, action, { [`${type}Id`]: id })).toMatchObject(
      refusal(403, 'OPERATION_DENIED_INSTANCE_RECYCLED', `${named} is already in the recycle bin.`),
    );
  });
});

describe('disks refused by status', () => {
  const disks: [{ status: string; diskType?: string }, ReturnType<typeof refusal>][] = [
    [
      { status: 'AVAILABLE', diskType: 'SYSTEM' },
      refusal(400, 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE', 'Disk d-1 is a system disk; it cannot be released.'),
    ],
    [{ status: 'RECYCLING' }, refusal(400, 'UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE', 'Disk d-1 is being recycled.')],
    ...['CREATING', 'ATTACHING'].map(
      (status) =>
        [
          { status },
          refusal(
            400,
            'UNSUPPORTED_OPERATION_DISK_STATUS',
            `Operations on the disk with current status ${status} are not supported.`,
          ),
        ] as [{ status: string }, ReturnType<typeof refusal>],
    ),
  ];
  it.each(disks)('ReleaseDisk on a disk %j: refused, and the disk is kept', async (disk, expected) => {
    const mock = await holding({ type: 'disk', id: 'd-1', ...disk });
    expect(await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).toMatchObject(expected);
    expect(mock.resources()).toMatchObject([{ type: 'disk', id: 'd-1', status: disk.status }]);
  });
});

describe('ports refused by status', () => {
  it('DestroyPort on a RUNNING port: 403 naming its status', async () => {
    const mock = await holding({ type: 'port', id: 'p-1', status: 'RUNNING' });
    expect(await zenlayer(mock, 'DestroyPort', { portId: 'p-1' })).toMatchObject(
      refusal(
        403,
        'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
        'Only operations on ports in recycle bin are supported: p-1 (RUNNING).',
      ),
    );
  });
});

describe('Describe names what it shows', () => {
  const seed = {
    resources: [
      { type: 'instance', id: 'i-1', status: 'RUNNING', name: 'web' },
      { type: 'instance', id: 'i-2', status: 'RUNNING' },
      { type: 'disk', id: 'd-1', status: 'AVAILABLE', name: 'data', diskType: 'SYSTEM' },
      { type: 'disk', id: 'd-2', status: 'AVAILABLE' },
      { type: 'port', id: 'p-1', status: 'RUNNING', name: 'edge' },
      { type: 'port', id: 'p-2', status: 'RUNNING' },
    ],
  };
  it('by its name, or by its id when it has none; a disk without a type is a DATA disk', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed });
    const data = async (action: string, body: unknown) => (await zenlayer(mock, action, body)).body.response.dataSet;
    expect(await data('DescribeInstances', { instanceIds: ['i-1', 'i-2'] })).toEqual([
      { instanceId: 'i-1', instanceName: 'web', instanceStatus: 'RUNNING' },
      { instanceId: 'i-2', instanceName: 'i-2', instanceStatus: 'RUNNING' },
    ]);
    expect(await data('DescribeDisks', { diskIds: ['d-1', 'd-2'] })).toEqual([
      { diskId: 'd-1', diskName: 'data', diskStatus: 'AVAILABLE', diskType: 'SYSTEM' },
      { diskId: 'd-2', diskName: 'd-2', diskStatus: 'AVAILABLE', diskType: 'DATA' },
    ]);
    expect(await data('DescribePorts', { portIds: ['p-1', 'p-2'] })).toEqual([
      { portId: 'p-1', portName: 'edge', portStatus: 'RUNNING' },
      { portId: 'p-2', portName: 'p-2', portStatus: 'RUNNING' },
    ]);
  });
});
