// The poll loop every waiter shares, with an injected clock: when it polls, how long it waits
// between polls, where it stops, and which errors during a poll do not end the wait.
import { describe, expect, it } from 'vitest';
import {
  isZenlayerTransient,
  NetworkError,
  NeutronApiError,
  ValidationError,
  type Verdict,
  type WaitSpec,
  waitFor,
  ZenlayerApiError,
} from '../src/index.js';
import { fakeClock } from './support/fake-clock.js';

const T = { minDelayMs: 500, maxDelayMs: 10_000, maxWaitMs: 60_000 };
const judge = (s: string | null): Verdict =>
  s === 'RECYCLE' || s === null ? 'success' : s === 'RECYCLING' ? 'retry' : 'failure';

/** A spec whose poll answers `answers[n]` at poll n (the last one repeats), noting when it polled. */
function spec(answers: Array<string | Error>, clock: { now(): number }, at: number[]): WaitSpec {
  return {
    ids: ['i-1'],
    poll: async () => {
      at.push(clock.now());
      const a = answers[Math.min(at.length - 1, answers.length - 1)]!;
      if (a instanceof Error) throw a;
      return new Map([['i-1', a === 'GONE' ? null : a]]);
    },
    judge,
    transient: isZenlayerTransient,
    defaults: T,
  };
}

describe('waitFor', () => {
  it('polls first at once, then after minDelayMs, each delay within [min, min·2^(n−1)] capped at max', async () => {
    const clock = fakeClock(() => 0.999_999);
    const at: number[] = [];
    const result = await waitFor(spec([...Array(8).fill('RECYCLING'), 'RECYCLE'], clock, at), { ...T, clock });
    expect(result).toMatchObject({ state: 'success', polls: 9, statuses: { 'i-1': 'RECYCLE' } });
    expect(at[0]).toBe(1_000_000);
    // random→1 draws each ceiling: 500, 1000, 2000, 4000, 8000, then the 10 s cap.
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000, 8000, 10_000, 10_000, 10_000]);
  });

  it('with random → 0 every delay is minDelayMs: never sooner', async () => {
    const clock = fakeClock(() => 0);
    const result = await waitFor(spec([...Array(5).fill('RECYCLING'), 'RECYCLE'], clock, []), { ...T, clock });
    expect(result.state).toBe('success');
    expect(clock.sleeps).toEqual([500, 500, 500, 500, 500]);
  });

  it('times out at maxWaitMs: the last poll lands just before the deadline, with the last status seen', async () => {
    const clock = fakeClock(() => 0.999);
    const at: number[] = [];
    const result = await waitFor(spec(['RECYCLING'], clock, at), { ...T, maxWaitMs: 30_000, clock });
    expect(result).toMatchObject({
      state: 'timeout',
      statuses: { 'i-1': 'RECYCLING' },
      verdicts: { 'i-1': 'pending' },
    });
    const deadline = 1_000_000 + 30_000;
    const last = at[at.length - 1]!;
    expect(last).toBeLessThan(deadline);
    expect(deadline - last).toBeLessThanOrEqual(500);
    expect(at.every((t) => t < deadline)).toBe(true);
    expect(result.polls).toBe(at.length);
  });

  it('429, REQUEST_LIMIT_EXCEEDED, SERVICE_TEMPORARY_UNAVAILABLE and INTERNAL_SERVER_ERROR during a poll keep it polling', async () => {
    const clock = fakeClock();
    const err = (status: number, code: string) =>
      new ZenlayerApiError('DescribeInstances' as never, ['i-1'], status, code as never, 'T', 'm');
    const answers = [
      err(429, 'REQUEST_LIMIT_EXCEEDED'),
      err(503, 'SERVICE_TEMPORARY_UNAVAILABLE'),
      err(500, 'INTERNAL_SERVER_ERROR'),
      err(429, 'SOMETHING_ELSE'),
      'RECYCLE',
    ];
    const result = await waitFor(spec(answers, clock, []), { ...T, clock });
    expect(result).toMatchObject({ state: 'success', polls: 5, statuses: { 'i-1': 'RECYCLE' } });
  });

  it('any other error during a poll ends the wait as a failure carrying it', async () => {
    const clock = fakeClock();
    const denied = new ZenlayerApiError(
      'DescribeInstances' as never,
      ['i-1'],
      401,
      'AUTHFAILURE_INVALID_AUTHORIZATION' as never,
      'T',
      'm',
    );
    const result = await waitFor(spec(['RECYCLING', denied], clock, []), { ...T, clock });
    expect(result).toMatchObject({ state: 'failure', polls: 2, statuses: { 'i-1': 'RECYCLING' }, error: denied });
    const offline = await waitFor(spec([new NetworkError('down', 'DescribeInstances')], clock, []), { ...T, clock });
    expect(offline.state).toBe('failure');
  });

  it('a status outside the table is a failure naming it', async () => {
    const clock = fakeClock();
    const result = await waitFor(spec(['RECYCLING', 'CREATE_FAILED'], clock, []), { ...T, clock });
    expect(result).toMatchObject({
      state: 'failure',
      statuses: { 'i-1': 'CREATE_FAILED' },
      verdicts: { 'i-1': 'failure' },
    });
  });

  it('gone (null) is recorded as the last status', async () => {
    const clock = fakeClock();
    await expect(waitFor(spec(['GONE'], clock, []), { ...T, clock })).resolves.toMatchObject({
      state: 'success',
      polls: 1,
      statuses: { 'i-1': null },
    });
    expect(clock.sleeps).toEqual([]);
  });

  it('an aborted signal ends it as aborted, before a poll or during a delay', async () => {
    const clock = fakeClock();
    const before = new AbortController();
    before.abort();
    await expect(
      waitFor(spec(['RECYCLING'], clock, []), { ...T, clock, signal: before.signal }),
    ).resolves.toMatchObject({
      state: 'aborted',
      polls: 0,
    });
    const during = new AbortController();
    const at: number[] = [];
    const s = spec(['RECYCLING'], clock, at);
    const poll = s.poll;
    s.poll = async (ids, signal) => {
      const got = await poll(ids, signal);
      if (at.length === 3) during.abort();
      return got;
    };
    await expect(waitFor(s, { ...T, clock, signal: during.signal })).resolves.toMatchObject({
      state: 'aborted',
      polls: 3,
    });
  });

  it('each id is judged on its own: one in an odd status does not stop the watch over the others', async () => {
    const clock = fakeClock();
    let n = 0;
    const result = await waitFor(
      {
        ids: ['a', 'b'],
        poll: async (ids) => {
          n += 1;
          const seen = new Map<string, string | null>();
          if (ids.includes('a')) seen.set('a', 'CREATE_FAILED');
          if (ids.includes('b')) seen.set('b', n < 3 ? 'RECYCLING' : 'RECYCLE');
          return seen;
        },
        judge,
        transient: () => false,
        defaults: T,
      },
      { clock },
    );
    expect(result).toMatchObject({
      state: 'failure',
      polls: 3,
      verdicts: { a: 'failure', b: 'success' },
      statuses: { a: 'CREATE_FAILED', b: 'RECYCLE' },
    });
  });

  it.each([
    [{ minDelayMs: 0 }, 'minDelayMs'],
    [{ minDelayMs: 2000, maxDelayMs: 1000 }, 'maxDelayMs'],
    [{ minDelayMs: 1000, maxWaitMs: 1000 }, 'maxWaitMs'],
    [{ maxWaitMs: 1.5 }, 'maxWaitMs'],
  ])('timings %j are refused, naming %s, before any poll', async (timings, field) => {
    const at: number[] = [];
    const clock = fakeClock();
    const error = await waitFor(spec(['RECYCLE'], clock, at), { ...timings, clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field });
    expect(at).toEqual([]);
  });

  it('Neutron: a 429 or a 503 keeps polling; a 403 does not', async () => {
    const { isNeutronTransient } = await import('../src/index.js');
    expect(isNeutronTransient(new NeutronApiError('p', 429, undefined, 'slow down'))).toBe(true);
    expect(isNeutronTransient(new NeutronApiError('p', 503, undefined, 'busy'))).toBe(true);
    expect(isNeutronTransient(new NeutronApiError('p', 403, 'PolicyNotAuthorized', 'no'))).toBe(false);
  });
});
