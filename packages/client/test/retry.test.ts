// Back-off: full jitter drawn from an injectable random source, a floor, a cap, Retry-After
// as a lower bound — unit by unit, then on the wire.
import { afterEach, describe, expect, it } from 'vitest';
import { createZenlayerClient } from '../src/index.js';
import { backoffDelay, resolveRetry } from '../src/transport/retry.js';
import { accepted, type CaptureServer, startCaptureServer, zenlayerError } from './support/capture-server.js';

let server: CaptureServer | undefined;
afterEach(async () => server?.close());

describe('backoffDelay', () => {
  it('draws each delay at random below base·2^retry (full jitter)', () => {
    const draws = [0.5, 0.25, 0.75];
    const retry = resolveRetry({ random: () => draws.shift()! });
    expect([0, 1, 2].map((n) => backoffDelay(retry, n))).toEqual([500, 500, 3000]);
    expect(backoffDelay(retry, 3)).toBeUndefined();
  });

  it('never waits less than minDelayMs, even when the draw is 0 or Retry-After says 0', () => {
    const retry = resolveRetry({ random: () => 0 });
    expect(backoffDelay(retry, 0)).toBe(100);
    expect(backoffDelay(retry, 2, 0)).toBe(100);
    expect(backoffDelay(resolveRetry({ random: () => 0, minDelayMs: 250 }), 0, 0)).toBe(250);
  });

  it('keeps the floor at most baseDelayMs, and any delay at most maxDelayMs', () => {
    expect(backoffDelay(resolveRetry({ random: () => 0, baseDelayMs: 10 }), 0)).toBe(10);
    expect(backoffDelay(resolveRetry({ random: () => 0.9, maxDelayMs: 1500 }), 2)).toBe(1500);
    expect(backoffDelay(resolveRetry({ random: () => 0, maxDelayMs: 1500 }), 0, 60_000)).toBe(1500);
  });

  it('waits at least the server’s Retry-After, jitter notwithstanding', () => {
    expect(backoffDelay(resolveRetry({ random: () => 0.1 }), 0, 7000)).toBe(7000);
  });
});

describe('retries on the wire', () => {
  it('a Retry-After: 0 does not become a burst: each retry waits the jittered back-off', async () => {
    server = await startCaptureServer(() => ({
      ...zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'),
      headers: { 'retry-after': '0' },
    }));
    const delays: number[] = [];
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: server.url,
      retry: { random: () => 0.5, sleep: async (ms) => void delays.push(ms) },
    });
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({ status: 429 });
    expect(delays).toEqual([500, 1000, 2000]);
    expect(server.requests).toHaveLength(4);
  });

  it('two clients refused together come back at different times', async () => {
    server = await startCaptureServer((_, i) => (i < 2 ? zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED') : accepted()));
    const delays: number[] = [];
    const draws = [0.2, 0.9];
    const make = () =>
      createZenlayerClient({
        bearerToken: 't',
        baseUrl: server!.url,
        retry: { random: () => draws.shift()!, sleep: async (ms) => void delays.push(ms) },
      });
    await Promise.all([make().releaseDisk('a'), make().releaseDisk('b')]);
    expect(delays.sort((a, b) => a - b)).toEqual([200, 900]);
  });

  it('refuses a negative minDelayMs at construction', () => {
    expect(() => createZenlayerClient({ bearerToken: 't', retry: { minDelayMs: -1 } })).toThrow(
      /retry.minDelayMs must be a number of milliseconds ≥ 0 \(got -1\)/,
    );
  });
});
