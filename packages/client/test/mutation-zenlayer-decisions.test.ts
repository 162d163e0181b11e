// What decides whether the Zenlayer client sends a release again, and how each batch is
// accounted for: retryable answers, the accepted envelope, ignoreMissing on one id only, and
// the progress each batch reports (issue 15: survivors in zenlayer/client.ts and
// zenlayer/release-instances.ts). Each test reads the wire requests or the reported account.
import { afterEach, describe, expect, it } from 'vitest';
import { createZenlayerClient, OutcomeUnknownError } from '../src/index.js';
import { type CaptureServer, type Reply, startCaptureServer } from './support/capture-server.js';

let server: CaptureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function client(reply: (body: { instanceIds?: string[] }, i: number) => Reply) {
  server = await startCaptureServer((r, i) => reply(r.json ?? {}, i));
  const delays: number[] = [];
  const zc = createZenlayerClient({
    bearerToken: 't',
    baseUrl: server.url,
    retry: { random: () => 0, sleep: async (ms: number) => void delays.push(ms) },
  });
  return { zc, delays, sent: () => server!.requests.length };
}

describe('the accepted envelope', () => {
  it.each([
    ['an empty object', {}],
    ['an empty requestId', { requestId: '' }],
    ['a numeric requestId', { requestId: 7 }],
    ['null', null],
  ])('a 200 with %s is an unknown outcome, not a release', async (_, body) => {
    const { zc } = await client(() => ({ status: 200, raw: JSON.stringify(body) }));
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer', ids: ['disk-1'], status: 200 });
  });
});
