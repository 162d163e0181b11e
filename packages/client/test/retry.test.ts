// Retries: which answers are sent again (only "later": 429, REQUEST_LIMIT_EXCEEDED, a 503
// SERVICE_TEMPORARY_UNAVAILABLE), the back-off (full jitter from an injectable random source, a
// floor, a cap, Retry-After in seconds or as a date as a lower bound), and a caller's signal
// during the back-off — unit by unit, then on the wire.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  createZenlayerClient,
  ValidationError,
  ZenlayerApiError,
  ZenlayerBatchError,
  type ZenlayerClientOptions,
} from '../src/index.js';
import { abortableSleep, backoffDelay, resolveRetry } from '../src/transport/retry.js';
import { answeredClient, streamed } from './support/answered-client.js';
import { accepted, type CaptureServer, zenlayerError } from './support/capture-server.js';
import { clientPerTest } from './support/client-per-test.js';
import { messages } from './support/messages.js';
import { scriptedZenlayerClient } from './support/scripted-client.js';
import { signedClientSetup, WIRE } from './support/signed-client.js';

const client = clientPerTest({ bearerToken: 't' });

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
    const delays: number[] = [];
    const { zc, server } = await client(
      () => ({ ...zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'), headers: { 'retry-after': '0' } }),
      { retry: { random: () => 0.5, sleep: async (ms) => void delays.push(ms) } },
    );
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({ status: 429 });
    expect(delays).toEqual([500, 1000, 2000]);
    expect(server.requests).toHaveLength(4);
  });

  it('two clients refused together come back at different times', async () => {
    const { server } = await client((_, i) => (i < 2 ? zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED') : accepted()));
    const delays: number[] = [];
    const draws = [0.2, 0.9];
    const make = () =>
      createZenlayerClient({
        bearerToken: 't',
        baseUrl: server.url,
        retry: { random: () => draws.shift()!, sleep: async (ms) => void delays.push(ms) },
      });
    await Promise.all([make().releaseDisk('a'), make().releaseDisk('b')]);
    expect(delays.sort((a, b) => a - b)).toEqual([200, 900]);
  });

  it('refuses a negative minDelayMs at construction', () => {
    expect(() => createZenlayerClient({ bearerToken: 't', retry: { minDelayMs: -1 } })).toThrow(
      messages.refused('retry.minDelayMs', 'be a number of milliseconds ≥ 0', '-1'),
    );
  });
});

describe("the back-off and the caller's signal", () => {
  const limited = () => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED');

  // Each case aborts the release of disk-1 (always answered 429) with its own reason at its own
  // moment; the call ends at once with that reason, sent once, its listener gone from the signal.
  it.each([
    [
      'while a refusal was on its way',
      (abort: AbortController, reason: Error): Partial<ZenlayerClientOptions> => ({
        // A caller's fetch that does not pass the signal on: the answer arrives after the abort.
        fetch: async (input, init) => {
          const response = await globalThis.fetch(input, { ...init, signal: null });
          abort.abort(reason);
          return response;
        },
        retry: { baseDelayMs: 60_000, random: () => 1 },
      }),
      10_000,
    ],
    [
      'during the back-off',
      (abort: AbortController, reason: Error): Partial<ZenlayerClientOptions> => ({
        // The delay is drawn just before the back-off begins: the abort comes during the back-off.
        retry: {
          baseDelayMs: 60_000,
          random: () => {
            setTimeout(() => abort.abort(reason));
            return 1;
          },
        },
      }),
      10_000,
    ],
  ])(
    'an abort %s ends the call at once with its reason, without waiting out the back-off or sending again',
    async (when, options, withinMs) => {
      const abort = new AbortController();
      const reason = new Error(`aborted ${when}`);
      const { zc, server } = await client(limited, options(abort, reason));
      const started = performance.now();
      await expect(zc.releaseDisk('disk-1', { signal: abort.signal })).rejects.toBe(reason);
      expect(performance.now() - started).toBeLessThan(withinMs);
      expect(server.requests).toHaveLength(1);
      expect(getEventListeners(abort.signal, 'abort')).toHaveLength(0);
    },
  );

  it('after a back-off that woke up, no listener is left on the signal', async () => {
    const { zc, server } = await client((_, i) => (i === 0 ? limited() : accepted('T-2')), {
      retry: { baseDelayMs: 1, minDelayMs: 1, random: () => 0 },
    });
    const signal = new AbortController().signal;
    await expect(zc.releaseDisk('disk-1', { signal })).resolves.toEqual({ requestId: 'T-2', alreadyGone: false });
    expect(server.requests).toHaveLength(2);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('a negative maxDelayMs is refused naming retry.maxDelayMs', () => {
    expect(() => createZenlayerClient({ bearerToken: 't', retry: { maxDelayMs: -1 } })).toThrow(ValidationError);
    expect(() => createZenlayerClient({ bearerToken: 't', retry: { maxDelayMs: -1 } })).toThrow(
      messages.refused('retry.maxDelayMs', 'be a number of milliseconds ≥ 0', '-1'),
    );
  });
});

describe('Retry-After dates, a bare 429 and the default sleep', () => {
  it('a bare 429 from a proxy, with no REQUEST_LIMIT_EXCEEDED code, is retried', async () => {
    const delays: number[] = [];
    const { zc, server } = await client((_, i) => (i === 0 ? { status: 429 } : accepted('T-2')), {
      retry: { random: () => 1, sleep: async (ms: number) => void delays.push(ms) },
    });
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-2', alreadyGone: false });
    expect(server.requests).toHaveLength(2);
    expect(delays).toEqual([1000]);
  });

  it('waits date − now for an HTTP-date Retry-After within the cap', async () => {
    const { NOW } = WIRE;
    const in5s = new Date(NOW.getTime() + 5000).toUTCString();
    const delays: number[] = [];
    const { zc } = await client(
      (_, i) =>
        i === 0 ? { ...zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'), headers: { 'retry-after': in5s } } : accepted(),
      { now: () => NOW, retry: { random: () => 0, sleep: async (ms: number) => void delays.push(ms) } },
    );
    await zc.releaseDisk('d');
    expect(delays).toEqual([5000]);
  });

  it('the default sleep really waits, and wakes up', async () => {
    const started = performance.now();
    await abortableSleep(40);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    const { zc, server } = await client(
      (_, i) => (i === 0 ? zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED') : accepted()),
      { retry: { baseDelayMs: 60, minDelayMs: 60, random: () => 0 } },
    );
    const t = performance.now();
    await expect(zc.releaseDisk('disk-1')).resolves.toMatchObject({ requestId: 'T-OK' });
    expect(performance.now() - t).toBeGreaterThanOrEqual(55);
    expect(server.requests).toHaveLength(2);
  });
});

describe('Retry-After in seconds, read within the response limit', () => {
  const ENVELOPE = JSON.stringify({ requestId: 'T-1', response: { requestId: 'T-1' } });

  const zenlayer = answeredClient;

  it.each([
    ['12', 12_000],
    ['5x', 0],
    ['x5', 0],
    [' 3 ', 3000],
  ])('Retry-After %j waits %d ms (0: the back-off floor decides)', async (header, wait) => {
    let calls = 0;
    const { zc, delays } = zenlayer(() =>
      calls++ === 0 ? new Response('', { status: 429, headers: { 'retry-after': header } }) : streamed([ENVELOPE]),
    );
    await zc.releaseDisk('disk-1');
    expect(delays).toEqual([Math.max(wait, 100)]);
  });
});

describe('which Zenlayer answers are sent again', () => {
  const client = scriptedZenlayerClient();

  it('a 503 without SERVICE_TEMPORARY_UNAVAILABLE is a final answer: sent once', async () => {
    const { zc, sent } = await client(() => zenlayerError(503, 'INTERNAL_ERROR'));
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({ status: 503, code: 'INTERNAL_ERROR' });
    expect(sent()).toBe(1);
  });

  it('a 503 SERVICE_TEMPORARY_UNAVAILABLE is sent again', async () => {
    const { zc, sent } = await client((_, i) =>
      i === 0 ? zenlayerError(503, 'SERVICE_TEMPORARY_UNAVAILABLE') : accepted('T-2'),
    );
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-2', alreadyGone: false });
    expect(sent()).toBe(2);
  });

  it('SERVICE_TEMPORARY_UNAVAILABLE under another status is a final answer', async () => {
    const { zc, sent } = await client(() => zenlayerError(500, 'SERVICE_TEMPORARY_UNAVAILABLE'));
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({ status: 500 });
    expect(sent()).toBe(1);
  });

  it('REQUEST_LIMIT_EXCEEDED is sent again whatever its status', async () => {
    const { zc, sent } = await client((_, i) => (i === 0 ? zenlayerError(400, 'REQUEST_LIMIT_EXCEEDED') : accepted()));
    await expect(zc.releaseDisk('disk-1')).resolves.toMatchObject({ requestId: 'T-OK' });
    expect(sent()).toBe(2);
  });

  it('a business refusal (403) is never sent again', async () => {
    const { zc, sent } = await client(() => zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED'));
    await expect(zc.releaseInstances(['i-1'])).rejects.toMatchObject({ name: 'ZenlayerBatchError' });
    expect(sent()).toBe(1);
  });
});

describe('a signed client retrying on the wire', () => {
  const { PASSWORD, NOW } = WIRE;
  let server: CaptureServer;
  const setup = signedClientSetup((s) => {
    server = s;
  });

  describe('retries', () => {
    it('backs off 1 s, 2 s, 4 s on 429, then gives up with the typed error', async () => {
      const { zc, delays } = await setup(() => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'));
      await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({
        name: 'ZenlayerApiError',
        status: 429,
        code: 'REQUEST_LIMIT_EXCEEDED',
      });
      expect(delays).toEqual([1000, 2000, 4000]);
      expect(server.requests).toHaveLength(4);
    });

    it('retries 503 SERVICE_TEMPORARY_UNAVAILABLE and honours Retry-After', async () => {
      const { zc, delays } = await setup((_, i) =>
        i === 0
          ? { ...zenlayerError(503, 'SERVICE_TEMPORARY_UNAVAILABLE'), headers: { 'retry-after': '7' } }
          : accepted(),
      );
      await expect(zc.destroyPort('port-1')).resolves.toEqual({ requestId: 'T-OK', alreadyGone: false });
      expect(delays).toEqual([7000]);
    });

    it('caps Retry-After at maxDelayMs and honours an HTTP date', async () => {
      const later = new Date(NOW.getTime() + 90_000).toUTCString();
      const delays: number[] = [];
      const { zc } = await setup(
        (_, i) =>
          i === 0 ? { ...zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'), headers: { 'retry-after': later } } : accepted(),
        {
          retry: { maxDelayMs: 20_000, sleep: async (ms: number) => void delays.push(ms) },
        },
      );
      await zc.releaseDisk('disk-1');
      expect(delays).toEqual([20_000]);
    });

    it.each([
      [400, 'INVALID_PARAMETER_VALUE'],
      [403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED'],
      [404, 'INVALID_INSTANCE_NOT_FOUND'],
      [500, 'INTERNAL_SERVER_ERROR'],
      [503, 'REQUEST_TIMED_OUT'],
    ])('never retries %i %s', async (status, code) => {
      const { zc, delays } = await setup(() => zenlayerError(status, code));
      await expect(zc.releaseInstances(['i-1'])).rejects.toBeInstanceOf(ZenlayerBatchError);
      expect(server.requests).toHaveLength(1);
      expect(delays).toEqual([]);
    });

    it('retry: false sends once', async () => {
      const { zc } = await setup(() => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'), { retry: false });
      await expect(zc.releaseDisk('disk-1')).rejects.toBeInstanceOf(ZenlayerApiError);
      expect(server.requests).toHaveLength(1);
    });
  });

  describe('more retries and aborts', () => {
    it('retries a 429 whatever its body says', async () => {
      const { zc, delays } = await setup((_, i) => (i < 2 ? { status: 429, body: 'Too Many Requests' } : accepted()));
      await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-OK', alreadyGone: false });
      expect(delays).toEqual([1000, 2000]);
      expect(server.requests).toHaveLength(3);
    });

    it('uses the configured base delay and retry count', async () => {
      const { zc } = await setup(() => zenlayerError(503, 'SERVICE_TEMPORARY_UNAVAILABLE'));
      const delays: number[] = [];
      const custom = createZenlayerClient({
        accessKeyId: 'AK-1',
        accessKeyPassword: PASSWORD,
        baseUrl: server.url,
        retry: {
          retries: 4,
          baseDelayMs: 10,
          maxDelayMs: 50,
          random: () => 1,
          sleep: async (ms) => void delays.push(ms),
        },
      });
      void zc;
      await expect(custom.destroyPort('port-1')).rejects.toMatchObject({
        status: 503,
        code: 'SERVICE_TEMPORARY_UNAVAILABLE',
      });
      expect(delays).toEqual([10, 20, 40, 50]);
      expect(server.requests).toHaveLength(5);
    });

    it('sends nothing when the signal is already aborted', async () => {
      const { zc } = await setup();
      const reason = new Error('too late');
      await expect(zc.releaseDisk('disk-1', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      await expect(zc.releaseInstances(['i-1'], { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
      expect(server.requests).toHaveLength(0);
    });

    it('does not send again after a back-off whose sleep ignored the abort', async () => {
      const controller = new AbortController();
      const { zc } = await setup(() => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'), {
        retry: { sleep: async () => controller.abort(new Error('stopped while waiting')) },
      });
      await expect(zc.releaseDisk('disk-1', { signal: controller.signal })).rejects.toThrow('stopped while waiting');
      expect(server.requests).toHaveLength(1);
    });

    it('an aborted call rejects with an AbortError when the signal gave no reason', async () => {
      const { zc } = await setup(() => 'hang');
      const controller = new AbortController();
      const pending = zc.destroyPort('port-1', { signal: controller.signal });
      setTimeout(() => controller.abort(), 20);
      await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    });
  });
});
