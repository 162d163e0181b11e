// What a queued fault does to the next requests, as a client and GET /__mock/faults see it:
// used up one answer at a time, the first matching fault first, its message or the default; by
// chance (`probability`, drawn from startMock's `random`); late, by a fixed or a drawn delay.
import { describe, expect, it } from 'vitest';
import { control, neutron, statefulInProcess, zenlayer } from './support.js';

const PORT = '/v2.0/ports/6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

describe('used up after `times`', () => {
  it('answers a status fault `times` times, counting down in GET /__mock/faults, then the real answer', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
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
    const mock = await statefulInProcess({ api: 'neutron' });
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
    const mock = await statefulInProcess({ api: 'zenlayer' });
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
    const mock = await statefulInProcess({ api: 'zenlayer' });
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
    const mock = await statefulInProcess({ api: 'zenlayer' });
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
    const mock = await statefulInProcess({ api: 'neutron' });
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
    const mock = await statefulInProcess({
      api: 'zenlayer',
      seed: RECYCLED,
      transitionMs: 60_000,
      log: (l) => lines.push(l),
    });
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
    const mock = await statefulInProcess({ api: 'zenlayer', seed: RECYCLED, transitionMs: 60_000 });
    mock.fault({ operation: 'ReleaseInstances', drop: true });
    await expect(zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-a'] })).rejects.toThrow(/fetch failed/);
    expect(mock.resources()).toEqual([expect.objectContaining({ id: 'i-a', status: 'RECYCLE' })]);
  });

  it('Neutron: the port is gone, though the DELETE got no answer', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed: { resources: [{ id: PORT.slice(-36) }] } });
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

/** A random source that returns these draws in turn (startMock's `random`), and counts them. */
function draws(...values: number[]) {
  const left = [...values];
  const random = () => {
    const next = left.shift();
    if (next === undefined) throw new Error('more draws than the test planned');
    return next;
  };
  return { random, left };
}

describe('by chance: probability', () => {
  it('each matching request draws; the fault applies on a hit only, and only hits count toward times', async () => {
    const { random, left } = draws(0.9, 0.1, 0.5, 0.2);
    const mock = await statefulInProcess({ api: 'zenlayer', random });
    mock.fault({ status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE', probability: 0.3, times: 2 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await zenlayer(mock, 'DescribeDisks', {})).status);
    expect(statuses).toEqual([200, 503, 200, 503, 200]);
    expect(left).toEqual([]);
    expect(mock.requests().map((r) => r.fault ?? null)).toEqual([null, 'status', null, 'status', null]);
  });

  it('a miss leaves the fault queued and lets the next matching one try', async () => {
    const { random } = draws(0.7);
    const mock = await statefulInProcess({ api: 'zenlayer', random });
    mock.fault(
      { status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE', probability: 0.5 },
      { status: 500, code: 'INTERNAL_SERVER_ERROR' },
    );
    expect((await zenlayer(mock, 'DescribeDisks', {})).status).toBe(500);
    expect(mock.faults()).toEqual([
      { kind: 'status', times: 1, probability: 0.5, status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' },
    ]);
  });

  it('probability 0 never applies, 1 always', async () => {
    const { random } = draws(0, 0.999);
    const mock = await statefulInProcess({ api: 'neutron', random });
    mock.fault({ fault: 'empty', probability: 0 }, { status: 500, type: 'HTTPInternalServerError', probability: 1 });
    expect((await neutron(mock, 'GET', '/v2.0/ports')).status).toBe(500);
  });

  it('a random source outside [0, 1): the request it draws for is the mock’s 500 naming the value; not a function: startMock throws', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', random: () => 1 });
    mock.fault({ drop: true, probability: 0.5 });
    const answer = await zenlayer(mock, 'DescribeDisks', {});
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(answer.body.message).toContain('random() returned 1; it must return numbers in [0, 1)');
    await expect(statefulInProcess({ api: 'zenlayer', random: 0.5 as never })).rejects.toThrow(
      'random must be a function returning numbers in [0, 1) (got number)',
    );
  });

  it('without a random source, Math.random draws: over 200 requests at 0.5, some hit and some miss', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    mock.fault({ status: 500, type: 'HTTPInternalServerError', probability: 0.5, times: 1_000 });
    for (let i = 0; i < 200; i++) await neutron(mock, 'GET', '/v2.0/ports');
    const hits = mock.countRequests({ fault: 'status' });
    // 200 fair draws fall outside 50..150 hits with a chance under 1e-12.
    expect(hits).toBeGreaterThan(50);
    expect(hits).toBeLessThan(150);
  });
});

describe('delays: fixed, or drawn from a distribution', () => {
  const timed = async <T>(run: () => Promise<T>) => {
    const started = performance.now();
    const result = await run();
    return { result, ms: performance.now() - started };
  };

  it('uniform: lowerMs + a draw over every whole ms up to upperMs; the journal says how long', async () => {
    const { random } = draws(0.5);
    const mock = await statefulInProcess({ api: 'zenlayer', random });
    mock.fault({ delay: { distribution: 'uniform', lowerMs: 100, upperMs: 200 } });
    const { result, ms } = await timed(() => zenlayer(mock, 'DescribeDisks', {}));
    expect(result.status).toBe(200);
    expect(ms).toBeGreaterThanOrEqual(145);
    expect(mock.requests()).toMatchObject([{ status: 200, fault: 'latency', delayMs: 150 }]);
  });

  it('lognormal: the median at z = 0, median × e^sigma at z = 1', async () => {
    // Box–Muller: z = sqrt(-2 ln(1 - u1)) × cos(2π u2).
    const { random } = draws(0.5, 0.25, 1 - Math.exp(-0.5), 0);
    const mock = await statefulInProcess({ api: 'zenlayer', random });
    mock.fault({ delay: { distribution: 'lognormal', medianMs: 40, sigma: 0.5 }, times: 2 });
    await zenlayer(mock, 'DescribeDisks', {});
    await zenlayer(mock, 'DescribeDisks', {});
    expect(mock.requests().map((r) => r.delayMs)).toEqual([40, Math.round(40 * Math.exp(0.5))]);
  });

  it('a delay goes with any fault: a 503 late, a reset late', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    mock.fault(
      { status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE', latencyMs: 100 },
      { fault: 'reset', delay: { distribution: 'uniform', lowerMs: 100, upperMs: 100 } },
    );
    const late = await timed(() => zenlayer(mock, 'DescribeDisks', {}));
    expect(late.result.status).toBe(503);
    expect(late.ms).toBeGreaterThanOrEqual(95);
    const reset = await timed(() => zenlayer(mock, 'DescribeDisks', {}).catch((e: unknown) => e));
    expect(reset.result).toBeInstanceOf(TypeError);
    expect(reset.ms).toBeGreaterThanOrEqual(95);
    expect(mock.requests().map((r) => [r.status, r.fault, r.delayMs])).toEqual([
      [503, 'status', 100],
      [null, 'reset', 100],
    ]);
  });
});
