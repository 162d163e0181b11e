// The /__mock/ control plane as a client calls it: resources, reset, journal, faults; clear 400s.
// In-process (the mock's fetch answers as its server does) but where a started server is the point.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeedError, startMock } from '@cloud-release/mock';
import { afterAll, describe, expect, it } from 'vitest';
import { start } from '../support/mocks.js';
import { control, neutron, REQUEST_ID, statefulInProcess, zenlayer } from './support.js';

const seed = { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] };

describe('/__mock/ is the control plane in stateful mode only', () => {
  it('in examples mode it is a path the provider does not know', async () => {
    const examples = await start({ api: 'neutron' });
    const response = await fetch(`${examples.url}/__mock/requests`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      NeutronError: { type: 'HTTPNotFound', message: 'The resource could not be found.', detail: '' },
    });
  });

  it('in stateful mode only the /__mock/ prefix is, not a path that merely contains it', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    expect((await mock(`${mock.url}/__mock/requests`)).status).toBe(200);
    const inside = await mock(`${mock.url}/v2.0/__mock/requests`, { headers: { 'x-auth-token': 't' } });
    expect(inside.status).toBe(404);
    expect(await inside.json()).toMatchObject({ NeutronError: { type: 'HTTPNotFound' } });
  });
});

describe('resources', () => {
  it('reads the inventory and adds to it', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed });
    const added = await control(mock, 'POST', 'resources', {
      resources: [{ type: 'instance', id: 'i-1', status: 'RECYCLE', name: 'web' }],
    });
    expect(added.status).toBe(201);
    expect((await control(mock, 'GET', 'resources')).body.resources).toEqual([
      { type: 'disk', id: 'd-1', status: 'AVAILABLE' },
      { type: 'instance', id: 'i-1', status: 'RECYCLE', name: 'web' },
    ]);
  });

  it('refuses a malformed batch whole with a 400 naming every problem; the inventory is unchanged', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed });
    const refused = await control(mock, 'POST', 'resources', {
      resources: [
        { type: 'instance', id: 'i-ok', status: 'RUNNING' },
        { type: 'instance', id: 'i-bad', status: 'RECYCLED' },
        { type: 'volume', id: 'v-1', status: 'AVAILABLE' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toBe('application/problem+json');
    expect(refused.headers.get('x-cloud-release-mock-error')).toBe('control-resources');
    expect(refused.body.detail).toMatch(/resources\[1\]\.status must be one of the instance statuses .*RECYCLE,/);
    expect(refused.body.detail).toMatch(/resources\[2\]\.type must be one of instance, disk, port/);
    expect((await control(mock, 'GET', 'resources')).body.resources).toEqual(seed.resources);
  });

  it('refuses a malformed seed at start, naming the problem, before anything listens', async () => {
    await expect(
      startMock({ api: 'neutron', mode: 'stateful', seed: { resources: [{ id: 'not-a-uuid' }] } }),
    ).rejects.toThrow(SeedError);
    await expect(
      startMock({ api: 'neutron', mode: 'stateful', seed: { resources: [{ id: 'not-a-uuid' }] } }),
    ).rejects.toThrow(/resources\[0\]\.id must be a UUID/);
  });
});

describe('seed files', () => {
  let dir: string;
  afterAll(async () => dir && rm(dir, { recursive: true, force: true }));

  it('reads YAML with both providers in one file, each mock taking its own part', async () => {
    dir = await mkdtemp(join(tmpdir(), 'seed-'));
    const file = join(dir, 'seed.yaml');
    await writeFile(
      file,
      [
        'zenlayer:',
        '  resources:',
        '    - { type: instance, id: i-1, status: RECYCLE }',
        'neutron:',
        '  resources:',
        '    - { id: 6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11, name: web-port }',
      ].join('\n'),
    );
    const z = await statefulInProcess({ api: 'zenlayer', seed: file });
    const n = await statefulInProcess({ api: 'neutron', seed: file });
    expect(z.resources()).toEqual([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    expect(n.resources()).toMatchObject([{ id: '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11', name: 'web-port' }]);
  });
});

describe('reset', () => {
  it('returns the inventory to its seed and clears the journal and faults', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed, transitionMs: 0 });
    await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
    await control(mock, 'POST', 'faults', { latencyMs: 1, times: 3 });
    expect((await control(mock, 'POST', 'reset')).status).toBe(204);
    expect(mock.resources()).toEqual(seed.resources);
    expect(mock.requests()).toEqual([]);
    expect(mock.faults()).toEqual([]);
  });
});

describe('journal', () => {
  it('records every request: time, method, path, operation, ids, status, code, request id; DELETE clears it', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', strict: true });
    const answer = await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1', 'i-2'] });
    const { body } = await control(mock, 'GET', 'requests');
    expect(body.requests).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        method: 'POST',
        path: '/api/v2/vm',
        operation: 'ReleaseInstances',
        ids: ['i-1', 'i-2'],
        status: 404,
        code: 'INVALID_INSTANCE_NOT_FOUND',
        requestId: answer.body.requestId,
        valid: true,
      },
    ]);
    expect(answer.body.requestId).toMatch(REQUEST_ID);
    expect((await control(mock, 'DELETE', 'requests')).status).toBe(204);
    expect(mock.requests()).toEqual([]);
  });

  it('records Neutron answers with their X-Openstack-Request-Id', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    const answer = await neutron(mock, 'DELETE', '/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11');
    expect(mock.requests()).toMatchObject([
      {
        method: 'DELETE',
        operation: 'DeletePort',
        ids: ['6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11'],
        status: 204,
        code: null,
        requestId: answer.headers.get('x-openstack-request-id'),
      },
    ]);
  });
});

describe('faults', () => {
  it('answers a queued status fault in the provider’s shape, with Retry-After when asked, then the real answer', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed, transitionMs: 0 });
    const queued = await control(mock, 'POST', 'faults', {
      operation: 'ReleaseDisk',
      status: 429,
      code: 'REQUEST_LIMIT_EXCEEDED',
      times: 1,
      retryAfter: 2,
    });
    expect(queued.status).toBe(201);
    const limited = await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
    expect(limited).toMatchObject({ status: 429, body: { code: 'REQUEST_LIMIT_EXCEEDED' } });
    expect(limited.body.requestId).toMatch(REQUEST_ID);
    expect(limited.headers.get('retry-after')).toBe('2');
    const real = await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
    expect(real.status).toBe(200);
    expect(real.headers.get('retry-after')).toBeNull();
    expect(mock.requests().map((r) => [r.status, r.fault ?? null])).toEqual([
      [429, 'status'],
      [200, null],
    ]);
  });

  it('answers a Neutron fault with its type, and only for the named operation', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    mock.fault({ operation: 'DeletePort', status: 409, type: 'ServicePortInUse', times: 1 });
    const port = '/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
    expect((await neutron(mock, 'GET', port)).status).toBe(404);
    const refused = await neutron(mock, 'DELETE', port);
    expect(refused).toMatchObject({ status: 409, body: { NeutronError: { type: 'ServicePortInUse' } } });
  });

  it('adds latency', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    mock.fault({ latencyMs: 300, times: 1 });
    const started = performance.now();
    expect((await zenlayer(mock, 'DescribeDisks', {})).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(mock.requests()[0]).toMatchObject({ status: 200, fault: 'latency' });
  });

  it('drops the connection, journaled with status null', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    mock.fault({ operation: 'ReleaseInstances', drop: true });
    await expect(zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1'] })).rejects.toThrow(/fetch failed/);
    expect(mock.requests()).toMatchObject([
      { operation: 'ReleaseInstances', status: null, code: 'dropped', fault: 'drop' },
    ]);
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1'] })).status).toBe(200);
  });

  it('refuses an undocumented status or code with a 400 naming what is documented; nothing is queued', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const refused = await control(mock, 'POST', 'faults', {
      faults: [
        { operation: 'ReleaseDisk', status: 429, code: 'REQUEST_LIMIT_EXCEEDED' },
        { operation: 'ReleaseDisk', status: 409, code: 'CONFLICT' },
      ],
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('x-cloud-release-mock-error')).toBe('control-faults');
    expect(refused.body.detail).toMatch(
      /faults\[1\]\.status 409 is not documented for ReleaseDisk \(200, 400, 401, 404/,
    );
    expect(mock.faults()).toEqual([]);
  });
});

it('answers an unknown control-plane call with a 400 listing the routes', async () => {
  const mock = await statefulInProcess({ api: 'zenlayer' });
  const answer = await control(mock, 'GET', 'nope');
  expect(answer.status).toBe(400);
  expect(answer.body).toMatchObject({ title: 'Unknown control-plane call' });
  expect(answer.body.detail).toMatch(/GET \/__mock\/resources/);
  const notJson = await control(mock, 'POST', 'faults', '{nope');
  expect(notJson).toMatchObject({ status: 400, body: { title: 'Body is not JSON' } });
});

it('serves no control plane in the examples mode', async () => {
  const mock = await startMock({ api: 'zenlayer' });
  try {
    const answer = await control(mock, 'GET', 'resources');
    expect(answer).toMatchObject({ status: 400, body: { code: 'INVALID_PARAMETER_VALUE' } });
  } finally {
    await mock.close();
  }
});
