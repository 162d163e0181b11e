// Regression tests for mutants that once survived (issue 16): each fails if its bug is planted.
import { afterEach, describe, expect, it } from 'vitest';
import { createZenlayerClient } from '../src/index.js';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';

const NOW = new Date('2026-11-23T08:00:00Z');

let server: CaptureServer;

afterEach(async () => server?.close());

function client(extra: object = {}) {
  return createZenlayerClient({ bearerToken: 't', baseUrl: server.url, now: () => NOW, ...extra });
}

describe('resources', () => {
  it('leaves no timer keeping the process alive after a request', async () => {
    server = await startCaptureServer();
    const zc = client();
    await zc.releaseDisk('warm-up');
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    await zc.releaseDisk('disk-1');
    await zc.releaseInstances(['i-1', 'i-2']);
    // At most as many as before: a timer another test file left behind (Stryker runs every file
    // in one worker) may expire meanwhile; a leaked per-attempt timer adds one per request.
    expect(timers()).toBeLessThanOrEqual(before);
  });
});
