// A stuck resource: POST /__mock/resources/pin { type, id, status } (mock.pin) holds a resource
// at a status; the rules answer from it, and nothing moves it — neither the clock nor an
// action — until POST /__mock/resources/unpin { type, id } (mock.unpin).
import { describe, expect, it } from 'vitest';
import { control, neutron, statefulInProcess, statusOf, zenlayer } from './support.js';

const SEED = {
  resources: [
    { type: 'instance', id: 'vm-1', status: 'RUNNING' },
    { type: 'disk', id: 'd-1', status: 'AVAILABLE' },
    { type: 'port', id: 'p-1', status: 'RUNNING' },
  ],
};
const PORT_ID = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

describe('over HTTP', () => {
  it('a pinned instance never leaves RECYCLING, whatever the clock or the calls, until unpinned', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, transitionMs: 'manual', strict: true });
    await zenlayer(mock, 'TerminateInstance', { instanceId: 'vm-1' });
    const pin = await control(mock, 'POST', 'resources/pin', { type: 'instance', id: 'vm-1', status: 'RECYCLING' });
    expect(pin.status).toBe(200);
    expect(pin.body).toEqual({ resource: { type: 'instance', id: 'vm-1', status: 'RECYCLING' } });

    await control(mock, 'POST', 'clock', { advanceMs: 3_600_000 });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLING']);
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['vm-1'] })).body.code).toBe(
      'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
    );
    const listed = await control(mock, 'GET', 'resources');
    expect(listed.body.pinned).toEqual([{ type: 'instance', id: 'vm-1', status: 'RECYCLING' }]);

    const unpin = await control(mock, 'POST', 'resources/unpin', { type: 'instance', id: 'vm-1' });
    expect(unpin.status).toBe(200);
    expect((await control(mock, 'GET', 'resources')).body.pinned).toEqual([]);
    // Unpinned in a status in passage: the transition runs again, from now.
    await control(mock, 'POST', 'clock', { advanceMs: 49 });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLING']);
    await control(mock, 'POST', 'clock', { advanceMs: 1 });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLE']);
  });

  it('an action on a pinned resource is answered from its status but moves nothing', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, transitionMs: 0, strict: true });
    await control(mock, 'POST', 'resources/pin', { type: 'disk', id: 'd-1', status: 'AVAILABLE' });
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribeDisks', { diskIds: ['d-1'] })).toEqual(['AVAILABLE']);
    expect(mock.requests().map((r) => [r.operation, r.status])).toEqual([
      ['ReleaseDisk', 200],
      ['DescribeDisks', 200],
    ]);
    // A pin at a status the resource never had, in the recycle bin for good: a release is taken, nothing goes.
    await control(mock, 'POST', 'resources/pin', { type: 'port', id: 'p-1', status: 'RECYCLED' });
    expect((await zenlayer(mock, 'DestroyPort', { portId: 'p-1' })).status).toBe(200);
    expect(await statusOf(mock, 'DescribePorts', { portIds: ['p-1'] })).toEqual(['RECYCLED']);
  });

  it('a pinned Neutron port survives its delete (204) until unpinned', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed: { resources: [{ id: PORT_ID }] }, strict: true });
    expect((await control(mock, 'POST', 'resources/pin', { type: 'port', id: PORT_ID, status: 'DOWN' })).status).toBe(
      200,
    );
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${PORT_ID}`)).status).toBe(204);
    expect((await neutron(mock, 'GET', `/v2.0/ports/${PORT_ID}`)).body.port.status).toBe('DOWN');
    await control(mock, 'POST', 'resources/unpin', { type: 'port', id: PORT_ID });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${PORT_ID}`)).status).toBe(204);
    expect((await neutron(mock, 'GET', `/v2.0/ports/${PORT_ID}`)).status).toBe(404);
  });

  it.each([
    ['an unknown id', { type: 'instance', id: 'vm-9', status: 'RECYCLING' }, /id: no instance "vm-9" in the inventory/],
    [
      'a status its type lacks',
      { type: 'disk', id: 'd-1', status: 'RECYCLE' },
      /status must be one of the disk statuses CREATING, .*ROLLING_BACK \(got "RECYCLE"\)/,
    ],
    ['no status', { type: 'instance', id: 'vm-1' }, /status must be one of the instance statuses/],
    [
      'an unknown type',
      { type: 'vm', id: 'vm-1', status: 'RUNNING' },
      /type must be one of instance, disk, port on the zenlayer mock \(got "vm"\)/,
    ],
    ['an empty id', { type: 'instance', id: '', status: 'RUNNING' }, /id must be a non-empty string/],
    [
      'another field',
      { type: 'instance', id: 'vm-1', status: 'RUNNING', stuck: true },
      /"stuck" is not a field of this call \(type, id, status\)/,
    ],
    ['a list', [{ type: 'instance', id: 'vm-1', status: 'RUNNING' }], /the body must be \{ "type", "id", "status" \}/],
  ])('refuses a pin with %s: a 400 naming the field, nothing pinned', async (_, body, detail) => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, strict: true });
    const answer = await control(mock, 'POST', 'resources/pin', body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-cloud-release-mock-error')).toBe('control-pin');
    expect(answer.body.detail).toMatch(detail);
    expect(mock.pins()).toEqual([]);
  });

  it('refuses a Neutron status on a Zenlayer port and a Zenlayer status on a Neutron port', async () => {
    const zen = await statefulInProcess({ api: 'zenlayer', seed: SEED, strict: true });
    expect(
      (await control(zen, 'POST', 'resources/pin', { type: 'port', id: 'p-1', status: 'ACTIVE' })).body.detail,
    ).toMatch(/status must be one of the port statuses CREATING, /);
    const neu = await statefulInProcess({ api: 'neutron', seed: { resources: [{ id: PORT_ID }] }, strict: true });
    expect(
      (await control(neu, 'POST', 'resources/pin', { type: 'port', id: PORT_ID, status: 'RECYCLED' })).body.detail,
    ).toMatch(/status must be one of the port statuses ACTIVE, DOWN, BUILD, ERROR, N\/A \(got "RECYCLED"\)/);
  });

  it('refuses to unpin an unknown id, and unpinning what is not pinned changes nothing', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, strict: true });
    const unknown = await control(mock, 'POST', 'resources/unpin', { type: 'disk', id: 'd-9' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.detail).toMatch(/id: no disk "d-9" in the inventory/);
    const free = await control(mock, 'POST', 'resources/unpin', { type: 'disk', id: 'd-1' });
    expect(free.body).toEqual({ resource: { type: 'disk', id: 'd-1', status: 'AVAILABLE' } });
  });

  it('is locked like every control call, JSON only, and journaled apart from the API', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, controlToken: 'ctl-token' });
    const auth = { authorization: 'Bearer ctl-token' };
    const pin = { type: 'instance', id: 'vm-1', status: 'STOPPED' };
    expect((await control(mock, 'POST', 'resources/pin', pin)).status).toBe(401);
    expect(
      (await control(mock, 'POST', 'resources/pin', JSON.stringify(pin), { ...auth, 'content-type': 'text/plain' }))
        .status,
    ).toBe(415);
    expect(mock.pins()).toEqual([]);
    expect((await control(mock, 'POST', 'resources/pin', pin, auth)).status).toBe(200);
    expect((await control(mock, 'POST', 'resources/unpin', { type: 'instance', id: 'vm-1' }, auth)).status).toBe(200);
    const journal = await control(mock, 'GET', 'control-requests', undefined, auth);
    expect(journal.body.requests.map((r: { path: string; status: number }) => [r.path, r.status])).toEqual([
      ['/__mock/resources/pin', 401],
      ['/__mock/resources/pin', 415],
      ['/__mock/resources/pin', 200],
      ['/__mock/resources/unpin', 200],
    ]);
  });
});

describe('in process', () => {
  it('mock.pin and mock.unpin do what the routes do', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, transitionMs: 'manual', strict: true });
    expect(mock.pin({ type: 'instance', id: 'vm-1', status: 'RELEASING' })).toEqual({
      type: 'instance',
      id: 'vm-1',
      status: 'RELEASING',
    });
    mock.advance(1000);
    expect(mock.resources()).toContainEqual({ type: 'instance', id: 'vm-1', status: 'RELEASING' });
    mock.unpin({ type: 'instance', id: 'vm-1' });
    mock.advance(50);
    expect(mock.resources().map((r) => r.id)).toEqual(['d-1', 'p-1']);
    expect(() => mock.pin({ type: 'instance', id: 'vm-1', status: 'RUNNING' })).toThrow(/id: no instance "vm-1"/);
  });

  it('a reset or an overwrite through addResources lets go of the pin', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, strict: true });
    mock.pin({ type: 'disk', id: 'd-1', status: 'FAILED' });
    mock.addResources([{ type: 'disk', id: 'd-1', status: 'IN_USE' }]);
    expect(mock.pins()).toEqual([]);
    mock.pin({ type: 'disk', id: 'd-1', status: 'FAILED' });
    mock.reset();
    expect(mock.pins()).toEqual([]);
    expect(mock.resources()).toContainEqual({ type: 'disk', id: 'd-1', status: 'AVAILABLE' });
  });
});
