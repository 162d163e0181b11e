// Zenlayer lifecycle rules at their edges (issue 15: survivors in state/zenlayer-rules.ts):
// what an id never seen becomes in the default (not strict) mode, instances still being
// created, and every status a port may not be terminated from. Each asserts the status and
// code a client receives and the status DescribeX shows next.
import { describe, expect, it } from 'vitest';
import { stateful, statusOf, zenlayer } from './support.js';

describe('ids never seen, not strict: created in the state their action needs', () => {
  // A transition slower than any machine: the state right after the move is the one asserted.
  it('TerminateInstance on a new id: accepted, RECYCLING', async () => {
    const mock = await stateful({ api: 'zenlayer', transitionMs: 60_000 });
    expect((await zenlayer(mock, 'TerminateInstance', { instanceId: 'i-new' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-new'] })).toEqual(['RECYCLING']);
  });

  it('ReleaseDisk on a new id: accepted, RECYCLING', async () => {
    const mock = await stateful({ api: 'zenlayer', transitionMs: 60_000 });
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-new' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribeDisks', { diskIds: ['d-new'] })).toEqual(['RECYCLING']);
  });

  it('TerminatePort on a new id: accepted, DELETING', async () => {
    const mock = await stateful({ api: 'zenlayer', transitionMs: 60_000 });
    expect((await zenlayer(mock, 'TerminatePort', { portId: 'p-new' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribePorts', { portIds: ['p-new'] })).toEqual(['DELETING']);
  });

  it('strict: each is 404 with its not-found code, naming the id', async () => {
    const mock = await stateful({ api: 'zenlayer', strict: true });
    expect((await zenlayer(mock, 'TerminateInstance', { instanceId: 'i-x' })).body).toMatchObject({
      code: 'INVALID_INSTANCE_NOT_FOUND',
      message: 'Instance i-x does not exist.',
    });
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-x' })).body).toMatchObject({
      code: 'INVALID_DISK_NOT_FOUND',
      message: 'Disk d-x does not exist.',
    });
    expect((await zenlayer(mock, 'TerminatePort', { portId: 'p-x' })).body).toMatchObject({
      code: 'SELF_SERVICE_PORT_NOT_FOUND',
      message: 'Port p-x not found.',
    });
  });
});

describe('refusals by status', () => {
  it.each(['PENDING', 'DEPLOYING'])('an instance %s is not terminated: 403 CREATING, status kept', async (status) => {
    const mock = await stateful({ api: 'zenlayer', seed: { resources: [{ type: 'instance', id: 'i-1', status }] } });
    const refused = await zenlayer(mock, 'TerminateInstance', { instanceId: 'i-1' });
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'OPERATION_DENIED_INSTANCE_CREATING', message: 'Instance i-1 is being created.' },
    });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-1'] })).toEqual([status]);
  });

  it.each(['RECYCLE', 'RECYCLING', 'RELEASING'])(
    'an instance %s is not terminated again: 403 RECYCLED',
    async (status) => {
      const mock = await stateful({ api: 'zenlayer', seed: { resources: [{ type: 'instance', id: 'i-1', status }] } });
      expect((await zenlayer(mock, 'TerminateInstance', { instanceId: 'i-1' })).body).toMatchObject({
        code: 'OPERATION_DENIED_INSTANCE_RECYCLED',
        message: 'Instance i-1 is already in the recycle bin.',
      });
    },
  );

  it.each(['RECYCLED', 'DELETING', 'DESTROYING'])('a port %s is not terminated again: 403', async (status) => {
    const mock = await stateful({ api: 'zenlayer', seed: { resources: [{ type: 'port', id: 'p-1', status }] } });
    const refused = await zenlayer(mock, 'TerminatePort', { portId: 'p-1' });
    expect(refused).toMatchObject({
      status: 403,
      body: { code: 'OPERATION_DENIED_INSTANCE_RECYCLED', message: 'Port p-1 is already in the recycle bin.' },
    });
  });

  it('a RUNNING port is not destroyed: 403 naming its status', async () => {
    const mock = await stateful({
      api: 'zenlayer',
      seed: { resources: [{ type: 'port', id: 'p-1', status: 'RUNNING' }] },
    });
    expect((await zenlayer(mock, 'DestroyPort', { portId: 'p-1' })).body).toMatchObject({
      code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
      message: 'Only operations on ports in recycle bin are supported: p-1 (RUNNING).',
    });
  });
});

describe('ReleaseInstances refused for instances not in the recycle bin', () => {
  it('names each one with its status, comma-separated, and releases none', async () => {
    const mock = await stateful({
      api: 'zenlayer',
      seed: {
        resources: [
          { type: 'instance', id: 'i-1', status: 'RUNNING' },
          { type: 'instance', id: 'i-2', status: 'STOPPED' },
        ],
      },
    });
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1', 'i-2'] })).body).toMatchObject({
      code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
      message: 'Only operations on instances in recycle bin are supported: i-1 (RUNNING), i-2 (STOPPED).',
    });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-1', 'i-2'] })).toEqual(['RUNNING', 'STOPPED']);
  });
});
