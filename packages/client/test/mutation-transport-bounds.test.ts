// What the size bound makes of an answer, as a caller sees it (issue 15: survivors in
// transport/response-limit.ts): a body that declares more than the limit, and a redirect's
// body, are never waited for (the call ends at once, not at its timeout); a declared length of
// exactly the limit is read whole; an oversized answer invents no request id.
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, OutcomeUnknownError, RedirectError } from '../src/index.js';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';
import { type StallingServer, startStallingServer } from './support/stalling-server.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const ENVELOPE = JSON.stringify({ requestId: 'T-1', response: { requestId: 'T-1' } });
// Long enough that a call which waited for the body would visibly run into it.
const TIMEOUT_MS = 3_000;
let server: CaptureServer | StallingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
const zenlayerAt = (baseUrl: string, extra: object = {}) =>
  createZenlayerClient({ bearerToken: 't', baseUrl, retry: false, timeoutMs: TIMEOUT_MS, ...extra });

describe('a body that is never finished', () => {
  it('declaring more than maxResponseBytes: an unknown outcome at once, without waiting for the body', async () => {
    server = await startStallingServer(200, { 'content-type': 'application/json', 'content-length': '5000000' });
    const started = performance.now();
    const error = await zenlayerAt(server.url)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ reason: 'response-too-large', status: 200 });
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS);
  });

  it.each([
    ['declaring a length', { 'content-length': '5000000' }],
    ['without a length', {}],
  ])('a redirect %s: refused at once, its body not waited for', async (_, headers) => {
    server = await startStallingServer(302, { location: 'http://elsewhere.test/', ...headers });
    const error = await zenlayerAt(server.url)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 302, locationOrigin: 'http://elsewhere.test' });
  });
});

describe('a declared Content-Length at the limit', () => {
  it('of exactly maxResponseBytes is read whole', async () => {
    server = await startCaptureServer(() => ({
      status: 200,
      raw: ENVELOPE,
      headers: { 'content-type': 'application/json', 'content-length': String(ENVELOPE.length) },
    }));
    const zc = zenlayerAt(server.url, { maxResponseBytes: ENVELOPE.length });
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
  });

  it('one byte over is too large to read, and the message names the limit', async () => {
    server = await startCaptureServer(() => ({
      status: 409,
      raw: ENVELOPE,
      headers: { 'content-type': 'application/json', 'content-length': String(ENVELOPE.length) },
    }));
    const error = await zenlayerAt(server.url, { maxResponseBytes: ENVELOPE.length - 1 })
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'ZenlayerApiError', outcome: 'refused', status: 409 });
    expect((error as Error).message).toContain(`response body over ${ENVELOPE.length - 1} bytes, not read`);
  });
});

describe('a Content-Length that is not only digits does not lift the limit', () => {
  // Another runtime's fetch may hand such a header on; the body is then read with the bound.
  it.each(['x5', '5x', '', '-5'])('%j', async (length) => {
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: 'http://zenlayer.test',
      retry: false,
      maxResponseBytes: 10,
      fetch: async () =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(ENVELOPE));
              controller.close();
            },
          }),
          { status: 200, headers: { 'content-type': 'application/json', 'content-length': length } },
        ),
    });
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({ reason: 'response-too-large' });
  });
});

describe('an oversized answer keeps only the headers it had', () => {
  it('a Neutron error without X-Openstack-Request-Id has no request id', async () => {
    server = await startCaptureServer(() => ({ status: 409, raw: 'y'.repeat(64) }));
    const ne = createNeutronClient({ baseUrl: server.url, token: 'tok', maxResponseBytes: 16 });
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NeutronApiError', status: 409, outcome: 'refused', requestId: undefined });
    expect((error as Error).message).not.toContain('null');
  });
});

describe('the edges of what is read and what is refused', () => {
  const stubbed = (response: () => Response) =>
    createZenlayerClient({
      bearerToken: 't',
      baseUrl: 'http://zenlayer.test',
      retry: false,
      fetch: async () => response(),
    });

  it('a small answer whose Content-Length only starts with digits is read with the bound, and whole', async () => {
    const zc = stubbed(
      () =>
        new Response(ENVELOPE, {
          status: 200,
          headers: { 'content-type': 'application/json', 'content-length': '5x' },
        }),
    );
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-1', alreadyGone: false });
  });

  it('a 400 is a refusal with its code, not a redirect', async () => {
    const zc = stubbed(
      () =>
        new Response(JSON.stringify({ requestId: 'T-400', code: 'INVALID_PARAMETER', message: 'bad' }), {
          status: 400,
        }),
    );
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({
      name: 'ZenlayerApiError',
      outcome: 'refused',
      status: 400,
      code: 'INVALID_PARAMETER',
    });
  });
});

describe('an answer with a null-body status', () => {
  it('a 204 whose body is an empty stream, not null (as Chromium gives it), is passed on: the port is deleted', async () => {
    // Node's fetch gives a 204 a null body; Chromium an empty one, which cannot be rebuilt
    // into a Response with that status.
    const chromium204 = () => {
      const response = new Response('', { status: 200 });
      Object.defineProperty(response, 'status', { value: 204 });
      return response;
    };
    const ne = createNeutronClient({ baseUrl: 'http://neutron.test', token: 'tok', fetch: async () => chromium204() });
    await expect(ne.deletePort(PORT)).resolves.toMatchObject({ alreadyGone: false });
  });
});
