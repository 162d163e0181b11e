// What every answer means whoever the provider, in the words a caller reads (issue 15:
// survivors in transport/exchange.ts): the exact message of an unexpected, an oversized or a
// redirecting answer; where a redirect pointed, or that nobody can tell; a refusal that stays
// the account when releaseInstances is aborted during its back-off; and a caller's signal that
// keeps no listener of a call that has ended.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, OutcomeUnknownError, RedirectError } from '../src/index.js';
import { type CaptureServer, type Reply, zenlayerError } from './support/capture-server.js';
import { serverPerTest } from './support/server-per-test.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

let server: CaptureServer | undefined;

const servers = serverPerTest();

async function serve(reply: Reply) {
  server = await servers.start(() => reply);
  return server.url;
}

const zenlayerAt = (baseUrl: string, extra: object = {}) =>
  createZenlayerClient({ bearerToken: 't', baseUrl, retry: false, ...extra });

const neutronAt = (baseUrl: string, extra: object = {}) => createNeutronClient({ baseUrl, token: 'tok', ...extra });

describe('an answer that is not the documented one: the message names the call, the status and what was expected', () => {
  it('Zenlayer: a 200 without the envelope', async () => {
    const url = await serve({ status: 200, raw: '<html>ok</html>' });
    const error = await zenlayerAt(url)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toBe(
      'ReleaseDisk disk disk-1: 200 answer is not the documented envelope; the outcome is unknown',
    );
  });

  it('Neutron: a 200 to a DELETE', async () => {
    const url = await serve({ status: 200, body: { port: { id: PORT } } });
    const error = await neutronAt(url)
      .deletePort(PORT)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OutcomeUnknownError', reason: 'unexpected-answer', status: 200 });
    expect((error as Error).message).toBe(
      `DeletePort port ${PORT}: 200 answer is not 204 No Content; the outcome is unknown`,
    );
  });
});

describe('an oversized 2xx: the message names the call and the status', () => {
  it.each([
    [
      'Zenlayer',
      () => zenlayerAt(server!.url, { maxResponseBytes: 8 }).releaseDisk('disk-1'),
      'ReleaseDisk disk disk-1',
    ],
    ['Neutron', () => neutronAt(server!.url, { maxResponseBytes: 8 }).deletePort(PORT), `DeletePort port ${PORT}`],
  ])('%s', async (_, call, named) => {
    await serve({ status: 202, raw: 'x'.repeat(64) });
    const error = await call().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OutcomeUnknownError', reason: 'response-too-large', status: 202 });
    expect((error as Error).message).toBe(`${named}: 202 answer too large to read; the outcome is unknown`);
  });
});

describe('a redirect: refused, and the message says where it pointed, or that this is unknown', () => {
  it.each([
    ['an absolute Location: its origin', 'https://user:pw@elsewhere.test:8443/x?y#z', 'https://elsewhere.test:8443'],
    ['a Location with no origin (javascript:)', 'javascript:alert(1)', undefined],
    ['a Location that is not a URL', 'http://[bad', undefined],
    ['a relative Location (its base is not known)', '/v2/other', undefined],
    ['no Location at all', undefined, undefined],
  ])('%s', async (_, location, origin) => {
    const url = await serve({ status: 307, ...(location !== undefined && { headers: { location } }) });
    const error = await zenlayerAt(url)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ outcome: 'refused', status: 307, locationOrigin: origin });
    expect((error as Error).message).toBe(
      `ReleaseDisk disk disk-1: answered 307 to ${origin ?? 'an unknown place'}; redirects are not followed, so nothing was sent there`,
    );
  });

  // A browser's fetch with redirect: 'manual' answers a redirect with an opaque one: status 0,
  // no headers, no body, the URL that was asked for.
  const opaqueRedirect = async (input: RequestInfo | URL) =>
    Object.defineProperties(new Response(null, { status: 200 }), {
      type: { value: 'opaqueredirect' },
      status: { value: 0 },
      ok: { value: false },
      url: { value: input instanceof Request ? input.url : String(input) },
    });

  it.each([
    [
      'Zenlayer',
      () => zenlayerAt('https://console.zenlayer.test', { fetch: opaqueRedirect }).releaseDisk('disk-1'),
      'ReleaseDisk disk disk-1',
    ],
    [
      'Neutron',
      () => neutronAt('https://neutron.test:9696', { fetch: opaqueRedirect }).deletePort(PORT),
      `DeletePort port ${PORT}`,
    ],
  ])(
    '%s, in a browser: an opaque redirect is "a redirect to an unknown place", not to the API itself',
    async (_, call, named) => {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ outcome: 'refused', status: 0, locationOrigin: undefined });
      expect((error as Error).message).toBe(
        `${named}: answered a redirect to an unknown place; redirects are not followed, so nothing was sent there`,
      );
    },
  );
});

describe("a caller's signal", () => {
  it('keeps no listener of a call that has ended, however many calls share it', async () => {
    server = await servers.start((_, i) =>
      i % 3 === 0
        ? { status: 200, body: { requestId: `T-${i}`, response: { requestId: `T-${i}` } } }
        : i % 3 === 1
          ? zenlayerError(403, 'OPERATION_DENIED')
          : 'reset',
    );
    const zc = zenlayerAt(server.url);
    const signal = new AbortController().signal;
    for (let i = 0; i < 12; i++) await zc.releaseDisk(`disk-${i}`, { signal }).catch(() => undefined);
    expect(server.requests).toHaveLength(12);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
  });
});
