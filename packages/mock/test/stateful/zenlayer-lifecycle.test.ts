// Zenlayer's lifecycle rules as the official Terraform provider drives them, through the mock's
// in-process fetch (the same answers as over HTTP; no socket is under test here).
import { describe, expect, it } from 'vitest';
import { manualClock, REQUEST_ID, statefulInProcess, statusOf, zenlayer } from './support.js';

const seed = {
  resources: [
    { type: 'instance', id: 'i-run', status: 'RUNNING', name: 'web-1' },
    { type: 'instance', id: 'i-bin', status: 'RECYCLE' },
    { type: 'disk', id: 'd-data', status: 'AVAILABLE', diskType: 'DATA' },
    { type: 'disk', id: 'd-boot', status: 'IN_USE', diskType: 'SYSTEM' },
    { type: 'port', id: 'p-run', status: 'RUNNING' },
  ],
};

describe('vm instances', () => {
  it('TerminateInstance → RECYCLING → RECYCLE; ReleaseInstances → RELEASING → gone; then 404', async () => {
    const clock = manualClock();
    const mock = await statefulInProcess({ api: 'zenlayer', seed, transitionMs: 1000, strict: true, now: clock.now });
    expect((await zenlayer(mock, 'TerminateInstance', { instanceId: 'i-run' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-run'] })).toEqual(['RECYCLING']);
    clock.advance(1000);
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-run'] })).toEqual(['RECYCLE']);
    const released = await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-run', 'i-bin'] });
    expect(released.status).toBe(200);
    expect(released.body.requestId).toMatch(REQUEST_ID);
    expect(released.body.response.requestId).toBe(released.body.requestId);
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-run', 'i-bin'] })).toEqual([
      'RELEASING',
      'RELEASING',
    ]);
    clock.advance(1000);
    const gone = await zenlayer(mock, 'DescribeInstances', { instanceIds: ['i-run'] });
    expect(gone.body.response).toMatchObject({ totalCount: 0, dataSet: [] });
    const again = await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-run'] });
    expect(again).toMatchObject({ status: 404, body: { code: 'INVALID_INSTANCE_NOT_FOUND' } });
  });

  it('refuses the whole batch when one id is not in the recycle bin (403), and changes nothing', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed, transitionMs: 0 });
    const refused = await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-bin', 'i-run'] });
    expect(refused).toMatchObject({ status: 403, body: { code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED' } });
    expect(refused.body.message).toMatch(/i-run \(RUNNING\)/);
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-bin', 'i-run'] })).toEqual([
      'RECYCLE',
      'RUNNING',
    ]);
  });

  it('refuses the whole batch when one id does not exist (404 INVALID_INSTANCE_NOT_FOUND) under strict', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed, strict: true });
    const refused = await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-bin', 'i-nope'] });
    expect(refused).toMatchObject({ status: 404, body: { code: 'INVALID_INSTANCE_NOT_FOUND' } });
    expect(refused.body.message).toMatch(/i-nope/);
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['i-bin'] })).toEqual(['RECYCLE']);
  });

  it('pages DescribeInstances (pageSize, pageNum) and counts every match', async () => {
    const resources = Array.from({ length: 25 }, (_, i) => ({ type: 'instance', id: `i-${i}`, status: 'RUNNING' }));
    const mock = await statefulInProcess({ api: 'zenlayer', seed: { resources } });
    const first = await zenlayer(mock, 'DescribeInstances', {});
    expect(first.body.response.totalCount).toBe(25);
    expect(first.body.response.dataSet).toHaveLength(20);
    const third = await zenlayer(mock, 'DescribeInstances', { pageSize: 10, pageNum: 3 });
    expect(third.body.response.dataSet.map((d: { instanceId: string }) => d.instanceId)).toEqual([
      'i-20',
      'i-21',
      'i-22',
      'i-23',
      'i-24',
    ]);
    const tooBig = await zenlayer(mock, 'DescribeInstances', { pageSize: 1001 });
    expect(tooBig).toMatchObject({ status: 400, body: { code: 'INVALID_PARAMETER_EXCEED_MAXIMUM' } });
  });
});

describe('zec disks', () => {
  it('recycles a data disk on the first ReleaseDisk, destroys it on the second, 404 on the third', async () => {
    const clock = manualClock();
    const mock = await statefulInProcess({ api: 'zenlayer', seed, transitionMs: 1000, now: clock.now });
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-data' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribeDisks', { diskIds: ['d-data'] })).toEqual(['RECYCLING']);
    const early = await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-data' });
    expect(early).toMatchObject({ status: 400, body: { code: 'UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE' } });
    clock.advance(1000);
    expect(await statusOf(mock, 'DescribeDisks', { diskIds: ['d-data'] })).toEqual(['RECYCLED']);
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-data' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribeDisks', { diskIds: ['d-data'] })).toEqual([]);
    const third = await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-data' });
    expect(third).toMatchObject({ status: 404, body: { code: 'INVALID_DISK_NOT_FOUND' } });
  });

  it('answers an unknown disk with 404 under strict, and an unknown id in DescribeDisks with an empty dataSet', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed, strict: true });
    expect(await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-nope' })).toMatchObject({
      status: 404,
      body: { code: 'INVALID_DISK_NOT_FOUND' },
    });
    const read = await zenlayer(mock, 'DescribeDisks', { diskIds: ['d-nope'] });
    expect(read).toMatchObject({ status: 200, body: { response: { totalCount: 0, dataSet: [] } } });
  });
});

describe('sdn ports', () => {
  it('TerminatePort → DELETING → RECYCLED; DestroyPort → DESTROYING → gone; then 404', async () => {
    const clock = manualClock();
    const mock = await statefulInProcess({ api: 'zenlayer', seed, transitionMs: 1000, now: clock.now });
    const early = await zenlayer(mock, 'DestroyPort', { portId: 'p-run' });
    expect(early).toMatchObject({ status: 403, body: { code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED' } });
    expect((await zenlayer(mock, 'TerminatePort', { portId: 'p-run' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribePorts', { portIds: ['p-run'] })).toEqual(['DELETING']);
    clock.advance(1000);
    expect(await statusOf(mock, 'DescribePorts', { portIds: ['p-run'] })).toEqual(['RECYCLED']);
    expect((await zenlayer(mock, 'TerminatePort', { portId: 'p-run' })).body.code).toBe(
      'OPERATION_DENIED_INSTANCE_RECYCLED',
    );
    expect((await zenlayer(mock, 'DestroyPort', { portId: 'p-run' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribePorts', { portIds: ['p-run'] })).toEqual(['DESTROYING']);
    clock.advance(1000);
    expect(await statusOf(mock, 'DescribePorts', { portIds: ['p-run'] })).toEqual([]);
    expect(await zenlayer(mock, 'DestroyPort', { portId: 'p-run' })).toMatchObject({
      status: 404,
      body: { code: 'SELF_SERVICE_PORT_NOT_FOUND' },
    });
  });
});

it('still validates every request against the spec (Prism) before the state sees it', async () => {
  const mock = await statefulInProcess({ api: 'zenlayer', seed });
  const tooMany = Array.from({ length: 101 }, (_, i) => `i-${i}`);
  const answer = await zenlayer(mock, 'ReleaseInstances', { instanceIds: tooMany });
  expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_PARAMETER_EXCEED_MAXIMUM' } });
  expect(mock.resources()).toHaveLength(seed.resources.length);
});
