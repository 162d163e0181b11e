// Answers are read within maxResponseBytes and redirects are refused: what the client makes of
// an answer at the limits (issue 15: survivors in transport/response-limit.ts and retry.ts).
// Each test reads the outcome a caller gets, or the wait before a retry.
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, OutcomeUnknownError, RedirectError } from '../src/index.js';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

const ENVELOPE = JSON.stringify({ requestId: 'T-1', response: { requestId: 'T-1' } });

let server: CaptureServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** An answer streamed in chunks, so it carries no Content-Length unless given one. */

function streamed(parts: string[], init: ResponseInit = {}): Response {
  const bytes = parts.map((p) => new TextEncoder().encode(p));
  return new Response(
    new ReadableStream({
      start(controller) {
        for (const b of bytes) controller.enqueue(b);
        controller.close();
      },
    }),
    { status: 200, headers: { 'content-type': 'application/json' }, ...init },
  );
}

function zenlayer(answer: () => Response, extra: object = {}) {
  const delays: number[] = [];
  const zc = createZenlayerClient({
    bearerToken: 't',
    baseUrl: 'http://zenlayer.test',
    fetch: async () => answer(),
    retry: { random: () => 0, sleep: async (ms: number) => void delays.push(ms) },
    ...extra,
  });
  return { zc, delays };
}

describe('the size limit', () => {
  it('an answer of exactly maxResponseBytes, in several chunks, is read whole', async () => {
    const half = Math.floor(ENVELOPE.length / 2);
    const { zc } = zenlayer(() => streamed([ENVELOPE.slice(0, half), ENVELOPE.slice(half)]), {
      maxResponseBytes: ENVELOPE.length,
    });
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
  });

  it('one byte over, streamed, is an unknown outcome: too large to read', async () => {
    const { zc } = zenlayer(() => streamed([ENVELOPE, ' ']), { maxResponseBytes: ENVELOPE.length });
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ reason: 'response-too-large', status: 200 });
  });

  it('a declared Content-Length of exactly the limit is read', async () => {
    server = await startCaptureServer(() => ({
      status: 200,
      raw: ENVELOPE,
      headers: { 'content-type': 'application/json' },
    }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, maxResponseBytes: ENVELOPE.length });
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
  });

  it('a Content-Length that is not a number does not lift the limit', async () => {
    const { zc } = zenlayer(() => streamed([ENVELOPE], { headers: { 'content-length': '5x' } }), {
      maxResponseBytes: 10,
    });
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({ reason: 'response-too-large' });
  });

  it("an oversized 429 keeps its Retry-After, so the wait is the server's", async () => {
    let calls = 0;
    const { zc, delays } = zenlayer(
      () =>
        calls++ === 0
          ? streamed(['x'.repeat(ENVELOPE.length + 1)], { status: 429, headers: { 'retry-after': '7' } })
          : streamed([ENVELOPE]),
      { maxResponseBytes: ENVELOPE.length },
    );
    await expect(zc.releaseDisk('disk-1')).resolves.toMatchObject({ requestId: 'T-1' });
    expect(delays).toEqual([7000]);
  });

  it('an oversized Neutron error keeps X-Openstack-Request-Id for the report', async () => {
    const ne = createNeutronClient({
      baseUrl: 'http://neutron.test',
      token: 'tok',
      maxResponseBytes: 16,
      fetch: async () => streamed(['y'.repeat(64)], { status: 409, headers: { 'x-openstack-request-id': 'req-1' } }),
    });
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({ status: 409, requestId: 'req-1', outcome: 'refused' });
  });
});

describe('redirects', () => {
  it('a 300 is a redirect: refused, never followed', async () => {
    const { zc } = zenlayer(() => new Response('', { status: 300, headers: { location: 'http://elsewhere.test/x' } }));
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 300, outcome: 'refused', locationOrigin: 'http://elsewhere.test' });
  });
});
