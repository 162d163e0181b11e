// Zenlayer's lifecycle rules at their edges, as a client reads the answers: the refusal for
// each state a resource can be in, its code and message, and how Describe names what it shows.
import { describe, expect, it } from 'vitest';
import { stateful, zenlayer } from './support.js';

const refusal = (status: number, code: string, message: string) => ({ status, body: { code, message } });

describe('refusals name the resource and its state', () => {
  it('ReleaseInstances (strict): every id that does not exist, in one 404', async () => {
    const mock = await stateful({ api: 'zenlayer', strict: true });
    expect(await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-8', 'i-9'] })).toMatchObject(
      refusal(404, 'INVALID_INSTANCE_NOT_FOUND', 'Instance i-8, i-9 does not exist.'),
    );
  });

  it('ReleaseInstances: an instance outside the recycle bin, with its status', async () => {
    const mock = await stateful({
      api: 'zenlayer',
      seed: { resources: [{ type: 'instance', id: 'i-1', status: 'RUNNING' }] },
    });
    expect(await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1'] })).toMatchObject(
      refusal(
        403,
        'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
        'Only operations on instances in recycle bin are supported: i-1 (RUNNING).',
      ),
    );
  });

  it.each([
    [
      { status: 'AVAILABLE', diskType: 'SYSTEM' },
      refusal(400, 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE', 'Disk d-1 is a system disk; it cannot be released.'),
    ],
    [{ status: 'RECYCLING' }, refusal(400, 'UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE', 'Disk d-1 is being recycled.')],
    [
      { status: 'CREATING' },
      refusal(
        400,
        'UNSUPPORTED_OPERATION_DISK_STATUS',
        'Operations on the disk with current status CREATING are not supported.',
      ),
    ],
    [
      { status: 'ATTACHING' },
      refusal(
        400,
        'UNSUPPORTED_OPERATION_DISK_STATUS',
        'Operations on the disk with current status ATTACHING are not supported.',
      ),
    ],
  ])('ReleaseDisk on a disk %j: refused, and the disk is kept', async (disk, expected) => {
    const mock = await stateful({ api: 'zenlayer', seed: { resources: [{ type: 'disk', id: 'd-1', ...disk }] } });
    expect(await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).toMatchObject(expected);
    expect(mock.resources()).toMatchObject([{ type: 'disk', id: 'd-1', status: disk.status }]);
  });

  it.each(['RECYCLED', 'DELETING', 'DESTROYING', 'DESTROYED'])(
    'TerminatePort on a port %s: 403, already in the recycle bin',
    async (status) => {
      const mock = await stateful({ api: 'zenlayer', seed: { resources: [{ type: 'port', id: 'p-1', status }] } });
      expect(await zenlayer(mock, 'TerminatePort', { portId: 'p-1' })).toMatchObject(
        refusal(403, 'OPERATION_DENIED_INSTANCE_RECYCLED', 'Port p-1 is already in the recycle bin.'),
      );
    },
  );
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
    const mock = await stateful({ api: 'zenlayer', seed });
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
