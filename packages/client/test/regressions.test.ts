// Regression tests for mutants that once survived (issue 16): each fails if its bug is planted.
import { createHash, createHmac } from 'node:crypto';
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

describe('host casing', () => {
  it('signs the Host the server receives when the base URL has upper-case letters', async () => {
    server = await startCaptureServer();
    const port = new URL(server.url).port;
    const zc = createZenlayerClient({
      accessKeyId: 'AK-1',
      accessKeyPassword: 'pw',
      baseUrl: `http://LocalHost:${port}`,
      now: () => NOW,
    });
    await zc.releaseDisk('disk-1');
    const [r] = server.requests;
    expect(r!.headers.host).toBe(`localhost:${port}`);
    const sha = (d: string | Buffer) => createHash('sha256').update(d).digest('hex');
    const canonical = `POST\n/\n\ncontent-type:${r!.headers['content-type']}\nhost:${r!.headers.host}\n\ncontent-type;host\n${sha(r!.body)}`;
    const toSign = `ZC2-HMAC-SHA256\n${r!.headers['x-zc-timestamp']}\n${sha(canonical)}`;
    expect(r!.headers.authorization).toBe(
      `ZC2-HMAC-SHA256 Credential=AK-1, SignedHeaders=content-type;host, Signature=${createHmac('sha256', 'pw').update(toSign).digest('hex')}`,
    );
  });
});
