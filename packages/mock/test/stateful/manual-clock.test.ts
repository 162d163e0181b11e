// transitionMs 'manual': the transitions' clock stands still until a rehearsal moves it on
// (POST /__mock/clock, mock.advance), so a resource stays RECYCLING for as long as a waiter
// polls it, then finishes its move when the clock passes the transition.
import { MAX_ADVANCE_MS, startMock } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { control, statefulInProcess, statusOf, zenlayer } from './support.js';

const SEED = { resources: [{ type: 'instance', id: 'vm-1', status: 'RUNNING' }] };

describe('over HTTP', () => {
  it('holds an instance in RECYCLING until the clock is advanced past the transition', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, transitionMs: 'manual', strict: true });
    expect((await zenlayer(mock, 'TerminateInstance', { instanceId: 'vm-1' })).status).toBe(200);
    // Real time passes and polls come and go: a waiter would time out on RECYCLING.
    for (let poll = 0; poll < 3; poll++) {
      expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLING']);
      await new Promise((r) => setTimeout(r, 30));
    }
    const release = await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['vm-1'] });
    expect(release.body.code).toBe('OPERATION_DENIED_INSTANCE_NOT_RECYCLED');

    const short = await control(mock, 'POST', 'clock', { advanceMs: 49 });
    expect(short.status).toBe(200);
    expect(short.body).toEqual({ manual: true, transitionMs: 50, advancedMs: 49 });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLING']);

    await control(mock, 'POST', 'clock', { advanceMs: 1 });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLE']);
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['vm-1'] })).status).toBe(200);
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RELEASING']);
    await control(mock, 'POST', 'clock', { advanceMs: 50 });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual([]);
  });

  it('reads the clock with GET /__mock/clock', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', transitionMs: 'manual' });
    await control(mock, 'POST', 'clock', { advanceMs: 1000 });
    expect((await control(mock, 'GET', 'clock')).body).toEqual({ manual: true, transitionMs: 50, advancedMs: 1000 });
  });

  it('skips ahead on a mock whose transitions take real time', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, transitionMs: 600_000 });
    await zenlayer(mock, 'TerminateInstance', { instanceId: 'vm-1' });
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLING']);
    expect((await control(mock, 'POST', 'clock', { advanceMs: 600_000 })).body.manual).toBe(false);
    expect(await statusOf(mock, 'DescribeInstances', { instanceIds: ['vm-1'] })).toEqual(['RECYCLE']);
  });

  it.each([
    ['a negative amount', { advanceMs: -1 }, /advanceMs must be an integer 0\.\.86400000 .*\(got -1\)/],
    [
      'more than a day',
      { advanceMs: MAX_ADVANCE_MS + 1 },
      /advanceMs must be an integer 0\.\.86400000 .*\(got 86400001\)/,
    ],
    ['a fraction', { advanceMs: 1.5 }, /advanceMs must be an integer .*\(got 1\.5\)/],
    ['a string', { advanceMs: '50' }, /advanceMs must be an integer .*\(got "50"\)/],
    ['no amount', {}, /advanceMs must be an integer .*\(got undefined\)/],
    ['another field', { advanceMs: 5, rewind: true }, /\{ "advanceMs": <integer> \} and nothing else/],
    ['a list', [50], /\{ "advanceMs": <integer> \} and nothing else/],
  ])('refuses %s with a 400 naming the field and its limit, and does not move', async (_, body, detail) => {
    const mock = await statefulInProcess({ api: 'zenlayer', transitionMs: 'manual' });
    const answer = await control(mock, 'POST', 'clock', body);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('x-cloud-release-mock-error')).toBe('control-clock');
    expect(answer.body.detail).toMatch(detail);
    expect(mock.clock().advancedMs).toBe(0);
  });

  it('cuts a long value it quotes back', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', transitionMs: 'manual' });
    const answer = await control(mock, 'POST', 'clock', { advanceMs: 'x'.repeat(10_000) });
    expect(answer.status).toBe(400);
    expect(answer.body.detail.length).toBeLessThan(200);
  });

  it('is locked like every control call, JSON only, and journaled apart from the API', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', transitionMs: 'manual', controlToken: 'ctl-token' });
    const auth = { authorization: 'Bearer ctl-token' };
    expect((await control(mock, 'POST', 'clock', { advanceMs: 10 })).status).toBe(401);
    expect((await control(mock, 'GET', 'clock')).status).toBe(401);
    const plain = await control(mock, 'POST', 'clock', '{"advanceMs":10}', { ...auth, 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(mock.clock().advancedMs).toBe(0);
    expect((await control(mock, 'POST', 'clock', { advanceMs: 10 }, auth)).status).toBe(200);
    const journal = await control(mock, 'GET', 'control-requests', undefined, auth);
    expect(
      journal.body.requests.map((r: { method: string; path: string; status: number }) => [r.method, r.path, r.status]),
    ).toEqual([
      ['POST', '/__mock/clock', 401],
      ['GET', '/__mock/clock', 401],
      ['POST', '/__mock/clock', 415],
      ['POST', '/__mock/clock', 200],
    ]);
    expect(mock.requests()).toEqual([]);
  });
});

describe('in process', () => {
  it('mock.advance moves the same clock', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, transitionMs: 'manual', strict: true });
    await zenlayer(mock, 'TerminateInstance', { instanceId: 'vm-1' });
    expect(mock.resources()).toMatchObject([{ id: 'vm-1', status: 'RECYCLING' }]);
    expect(mock.advance(50)).toEqual({ manual: true, transitionMs: 50, advancedMs: 50 });
    expect(mock.resources()).toMatchObject([{ id: 'vm-1', status: 'RECYCLE' }]);
    expect(() => mock.advance(-5)).toThrow(/advanceMs must be an integer 0\.\.86400000/);
    expect(mock.clock().advancedMs).toBe(50);
  });

  it('keeps the clock where it is on a reset (only the inventory goes back)', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: SEED, transitionMs: 'manual', strict: true });
    mock.advance(20);
    mock.reset();
    expect(mock.clock().advancedMs).toBe(20);
    await zenlayer(mock, 'TerminateInstance', { instanceId: 'vm-1' });
    mock.advance(49);
    expect(mock.resources()).toMatchObject([{ status: 'RECYCLING' }]);
  });

  it.each([-1, 1.5, Number.NaN, 'slow'])('startMock refuses transitionMs %s, naming what it takes', async (value) => {
    await expect(startMock({ api: 'zenlayer', mode: 'stateful', transitionMs: value as number })).rejects.toThrow(
      /transitionMs must be an integer ≥ 0 or 'manual'/,
    );
  });
});
