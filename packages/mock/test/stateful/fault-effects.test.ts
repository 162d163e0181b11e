// What a queued fault does to the next requests, as a client and GET /__mock/faults see it:
// used up one answer at a time, the first matching fault first, its message or the default.
import { describe, expect, it } from 'vitest';
import { control, neutron, stateful, zenlayer } from './support.js';

const PORT = '/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

describe('used up after `times`', () => {
  it('answers a status fault `times` times, counting down in GET /__mock/faults, then the real answer', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    await control(mock, 'POST', 'faults', { status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE', times: 2 });
    expect((await zenlayer(mock, 'DescribeDisks', {})).status).toBe(503);
    expect((await control(mock, 'GET', 'faults')).body).toEqual({
      faults: [{ kind: 'status', times: 1, status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' }],
    });
    expect((await zenlayer(mock, 'DescribeInstances', {})).status).toBe(503);
    expect((await control(mock, 'GET', 'faults')).body).toEqual({ faults: [] });
    expect((await zenlayer(mock, 'DescribeDisks', {})).status).toBe(200);
    expect(mock.requests().map((r) => [r.operation, r.status, r.fault ?? null])).toEqual([
      ['DescribeDisks', 503, 'status'],
      ['DescribeInstances', 503, 'status'],
      ['DescribeDisks', 200, null],
    ]);
  });

  it('drops the connection `times` times for its operation only', async () => {
    const mock = await stateful({ api: 'neutron' });
    mock.fault({ operation: 'DeletePort', drop: true, times: 2 });
    expect((await neutron(mock, 'GET', PORT)).status).toBe(404);
    await expect(neutron(mock, 'DELETE', PORT)).rejects.toThrow(/fetch failed/);
    expect(mock.faults()).toEqual([{ kind: 'drop', operation: 'DeletePort', times: 1 }]);
    await expect(neutron(mock, 'DELETE', PORT)).rejects.toThrow(/fetch failed/);
    expect((await neutron(mock, 'DELETE', PORT)).status).toBe(204);
    expect(mock.requests().map((r) => [r.operation, r.status, r.code])).toEqual([
      ['ShowPort', 404, 'PortNotFound'],
      ['DeletePort', null, 'dropped'],
      ['DeletePort', null, 'dropped'],
      ['DeletePort', 204, null],
    ]);
  });
});

describe('the queue, as GET /__mock/faults lists it', () => {
  it('lists every queued fault in order, each with what it was given', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    const queued = await control(mock, 'POST', 'faults', {
      faults: [
        { operation: 'ReleaseDisk', status: 429, code: 'REQUEST_LIMIT_EXCEEDED', retryAfter: 3, message: 'slow' },
        { latencyMs: 20, times: 2 },
      ],
    });
    const faults = [
      {
        kind: 'status',
        operation: 'ReleaseDisk',
        times: 1,
        status: 429,
        code: 'REQUEST_LIMIT_EXCEEDED',
        message: 'slow',
        retryAfter: 3,
      },
      { kind: 'latency', times: 2, latencyMs: 20 },
    ];
    expect(queued).toMatchObject({ status: 201, body: { faults } });
    mock.fault({ drop: true });
    expect((await control(mock, 'GET', 'faults')).body).toEqual({ faults: [...faults, { kind: 'drop', times: 1 }] });
    expect((await control(mock, 'DELETE', 'faults')).status).toBe(204);
    expect((await control(mock, 'GET', 'faults')).body).toEqual({ faults: [] });
  });

  it('takes the first fault that matches: one for another operation waits for its own', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    mock.fault(
      { operation: 'ReleaseDisk', status: 429, code: 'REQUEST_LIMIT_EXCEEDED' },
      { status: 500, code: 'INTERNAL_SERVER_ERROR' },
    );
    expect((await zenlayer(mock, 'DescribeDisks', {})).status).toBe(500);
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).status).toBe(429);
    expect(mock.faults()).toEqual([]);
  });
});

describe('the answer a status fault makes', () => {
  it('carries the fault’s message, or says which fault it is', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    mock.fault(
      { status: 429, code: 'REQUEST_LIMIT_EXCEEDED', message: 'Slow down.' },
      { status: 429, code: 'REQUEST_LIMIT_EXCEEDED' },
    );
    expect((await zenlayer(mock, 'DescribeDisks', {})).body).toMatchObject({
      code: 'REQUEST_LIMIT_EXCEEDED',
      message: 'Slow down.',
    });
    expect((await zenlayer(mock, 'DescribeDisks', {})).body).toMatchObject({
      code: 'REQUEST_LIMIT_EXCEEDED',
      message: 'Injected fault: 429 REQUEST_LIMIT_EXCEEDED.',
    });
  });

  it('in Neutron’s shape, with Retry-After 0 when asked', async () => {
    const mock = await stateful({ api: 'neutron' });
    mock.fault({ operation: 'DeletePort', status: 409, type: 'ServicePortInUse', retryAfter: 0, message: 'busy' });
    const answer = await neutron(mock, 'DELETE', PORT);
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({ NeutronError: { type: 'ServicePortInUse', message: 'busy', detail: '' } });
    expect(answer.headers.get('retry-after')).toBe('0');
  });
});

describe('applyThenDrop: the action applied, its answer never sent', () => {
  const RECYCLED = { resources: [{ type: 'instance', id: 'i-a', status: 'RECYCLE' }] };

  it('Zenlayer: the client sees a dropped connection, the instance is RELEASING, a retry meets that state', async () => {
    const lines: string[] = [];
    const mock = await stateful({ api: 'zenlayer', seed: RECYCLED, transitionMs: 60_000, log: (l) => lines.push(l) });
    await control(mock, 'POST', 'faults', { operation: 'ReleaseInstances', applyThenDrop: true });
    await expect(zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-a'] })).rejects.toThrow(/fetch failed/);
    expect((await control(mock, 'GET', 'resources')).body.resources).toEqual([
      expect.objectContaining({ id: 'i-a', status: 'RELEASING' }),
    ]);
    expect(mock.requests()).toMatchObject([
      {
        operation: 'ReleaseInstances',
        ids: ['i-a'],
        status: null,
        code: 'dropped',
        requestId: null,
        fault: 'applyThenDrop',
      },
    ]);
    expect(lines.find((l) => l.includes(' ReleaseInstances '))).toMatch(
      /^zenlayer POST \/api\/v2\/vm ReleaseInstances -> 0 dropped after 200 accepted [\d.]+ms$/,
    );
    expect(mock.faults()).toEqual([]);
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-a'] })).status).toBe(403);
  });

  it('whereas drop applies nothing: the instance is still RECYCLE', async () => {
    const mock = await stateful({ api: 'zenlayer', seed: RECYCLED, transitionMs: 60_000 });
    mock.fault({ operation: 'ReleaseInstances', drop: true });
    await expect(zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-a'] })).rejects.toThrow(/fetch failed/);
    expect(mock.resources()).toEqual([expect.objectContaining({ id: 'i-a', status: 'RECYCLE' })]);
  });

  it('Neutron: the port is gone, though the DELETE got no answer', async () => {
    const mock = await stateful({ api: 'neutron', seed: { resources: [{ id: PORT.slice(-36) }] } });
    mock.fault({ operation: 'DeletePort', applyThenDrop: true });
    await expect(neutron(mock, 'DELETE', PORT)).rejects.toThrow(/fetch failed/);
    expect((await control(mock, 'GET', 'resources')).body.resources).toEqual([]);
    expect((await neutron(mock, 'GET', PORT)).status).toBe(404);
    expect(mock.requests().map((r) => [r.operation, r.status, r.fault ?? null])).toEqual([
      ['DeletePort', null, 'applyThenDrop'],
      ['ShowPort', 404, null],
    ]);
  });
});
