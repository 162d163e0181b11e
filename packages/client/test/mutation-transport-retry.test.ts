// The back-off as a caller lives it (issue 15: survivors in transport/retry.ts): an abort that
// came while the refusal was on its way ends the call at once, not after the back-off; the
// default sleep leaves no listener on a caller's signal, whether it woke up or was aborted; a
// bad maxDelayMs is refused naming it.
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createZenlayerClient, ValidationError } from '../src/index.js';
import { accepted, type CaptureServer, startCaptureServer, zenlayerError } from './support/capture-server.js';

let server: CaptureServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const limited = () => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED');

describe('an abort that came while a refusal was on its way', () => {
  it('ends the call at once with its reason, without waiting out the back-off or sending again', async () => {
    server = await startCaptureServer(limited);
    const abort = new AbortController();
    const reason = new Error('SIGINT as the 429 came in');
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: server.url,
      // A caller's fetch that does not pass the signal on: the answer arrives after the abort.
      fetch: async (input, init) => {
        const response = await globalThis.fetch(input, { ...init, signal: null });
        abort.abort(reason);
        return response;
      },
      retry: { baseDelayMs: 6_000, random: () => 1 },
    });
    const started = performance.now();
    await expect(zc.releaseDisk('disk-1', { signal: abort.signal })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(server.requests).toHaveLength(1);
  });
});

describe("the default sleep and a caller's signal", () => {
  it('after a back-off that woke up, no listener is left on the signal', async () => {
    server = await startCaptureServer((_, i) => (i === 0 ? limited() : accepted('T-2')));
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: server.url,
      retry: { baseDelayMs: 1, minDelayMs: 1, random: () => 0 },
    });
    const signal = new AbortController().signal;
    await expect(zc.releaseDisk('disk-1', { signal })).resolves.toEqual({ requestId: 'T-2', alreadyGone: false });
    expect(server.requests).toHaveLength(2);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });

  it('after a back-off that was aborted, no listener is left on the signal', async () => {
    server = await startCaptureServer(limited);
    const abort = new AbortController();
    const reason = new Error('stop waiting');
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: server.url,
      // The delay is drawn just before the back-off begins: the abort comes during the back-off.
      retry: {
        baseDelayMs: 60_000,
        random: () => {
          setTimeout(() => abort.abort(reason));
          return 1;
        },
      },
    });
    const started = performance.now();
    await expect(zc.releaseDisk('disk-1', { signal: abort.signal })).rejects.toBe(reason);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(server.requests).toHaveLength(1);
    expect(getEventListeners(abort.signal, 'abort')).toHaveLength(0);
  });
});

describe('retry options', () => {
  it('a negative maxDelayMs is refused naming retry.maxDelayMs', () => {
    expect(() => createZenlayerClient({ bearerToken: 't', retry: { maxDelayMs: -1 } })).toThrow(ValidationError);
    expect(() => createZenlayerClient({ bearerToken: 't', retry: { maxDelayMs: -1 } })).toThrow(
      /^retry\.maxDelayMs must be a number of milliseconds ≥ 0 \(got -1\)$/,
    );
  });
});
