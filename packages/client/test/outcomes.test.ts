// The three outcomes, against hostile servers: a request is "not sent" only when the
// connection was never made (the code found wherever undici nests it); a timeout, a reset, a
// caller's abort in flight, or an answer that is not the documented one (an HTML or truncated
// 200, an envelope without a requestId) may hide an accepted release, so its outcome is
// unknown; a redirect is refused, never followed, naming only the origin it pointed to. A call
// leaves no timer and no listener on a caller's signal behind.
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  NetworkError,
  OutcomeUnknownError,
  RedirectError,
  TimeoutError,
  type ZenlayerBatchError,
} from '../src/index.js';
import { answeredClient } from './support/answered-client.js';
import { type CaptureServer, receivedAtLeast, startCaptureServer, zenlayerError } from './support/capture-server.js';
import { clientPerTest } from './support/client-per-test.js';
import { neutronAt, zenlayerAt } from './support/clients-at.js';
import { messages } from './support/messages.js';
import { both, PASSWORD, PORT, releaseCall, serversPerTest, TOKEN } from './support/release-call.js';
import { scriptedZenlayerClient } from './support/scripted-client.js';
import { serverPerTest } from './support/server-per-test.js';
import { signedClientSetup, WIRE } from './support/signed-client.js';

const { serve } = serversPerTest();
const clients = releaseCall;

describe('redirects are never followed', () => {
  const cases = both.flatMap((client) => [301, 302, 303, 307, 308].map((status) => [client, status] as const));
  it.each(cases)(
    '%s: a cross-origin %i is a RedirectError and the other origin receives nothing',
    async (client, status) => {
      const other = await serve(() => ({
        status: 200,
        body: { requestId: 'T-EVIL', response: { requestId: 'T-EVIL' } },
      }));
      const location = `http://user:pw@${other.host}/steal?token=x#frag`;
      const origin = await serve(() => ({ status, headers: { location } }));
      const { call } = clients[client](origin.url);
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RedirectError);
      expect(error).toMatchObject({ outcome: 'refused', status, locationOrigin: other.url });
      expect(origin.requests).toHaveLength(1);
      expect(other.requests).toHaveLength(0);
      const printed = `${(error as Error).message} ${JSON.stringify(error)}`;
      for (const leak of ['/steal', 'token=x', 'user:pw', 'pw@', TOKEN, PASSWORD]) expect(printed).not.toContain(leak);
    },
  );
});

describe('three outcomes', () => {
  it.each(both)('%s: an HTML 200 is an unknown outcome with the ids, not "no answer"', async (client) => {
    const server = await serve(() => ({
      status: 200,
      headers: { 'content-type': 'text/html' },
      raw: '<html>ok</html>',
    }));
    const { call, ids } = clients[client](server.url);
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer', status: 200, ids });
  });

  it('zenlayer: truncated JSON in a 200 is an unknown outcome', async () => {
    const server = await serve(() => ({ status: 200, raw: '{"requestId":"T-1","respo' }));
    const error = await clients
      .zenlayer(server.url)
      .call()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OutcomeUnknownError', reason: 'unexpected-answer' });
  });

  it.each(both)('%s: a reset after the request was sent is an unknown outcome', async (client) => {
    const server = await serve(() => 'reset');
    const { call, ids } = clients[client](server.url);
    const error = await call().catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'connection-lost', ids });
  });

  it.each(both)('%s: a timeout after the body was sent is an unknown outcome', async (client) => {
    const server = await serve(() => 'hang');
    const { call, ids } = clients[client](server.url, { timeoutMs: 2_000 }); // long enough for the body to arrive under load
    const error = await call().catch((e: unknown) => e);
    if (client === 'zenlayer') expect(server.requests[0]!.json).toEqual({ diskId: 'disk-1' });
    expect(error).toMatchObject({ name: 'TimeoutError', outcome: 'unknown', reason: 'timeout', ids });
  });

  it.each(both)('%s: a refused connection is not-sent (nothing reached a server)', async (client) => {
    const server = await serve(() => 'hang');
    await server.close();
    const error = await clients[client](server.url)
      .call()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'NetworkError', outcome: 'not-sent' });
  });
});

/** A client whose fetch fails the way undici does: TypeError('fetch failed') with a cause. */
function failingWith(error: unknown) {
  let calls = 0;
  const client = createNeutronClient({
    baseUrl: 'http://neutron.test:9696',
    token: 'tok-SECRET',
    fetch: async () => {
      calls++;
      throw error;
    },
  });
  return { client, calls: () => calls };
}

const fetchFailed = (cause: unknown) => new TypeError('fetch failed', { cause });

const coded = (code: string, message = `${code} happened`) => Object.assign(new Error(message), { code });

describe('not sent: the connection was never made', () => {
  // In alphabetical order: an independent list of what must count as never sent.
  it.each([
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'EADDRNOTAVAIL',
    'EAI_AGAIN',
    'EAI_FAIL',
    'ECONNREFUSED',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'ENOTFOUND',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'UND_ERR_CONNECT_TIMEOUT',
  ])('%s is a NetworkError, outcome not-sent, naming the cause', async (code) => {
    const { client, calls } = failingWith(fetchFailed(coded(code)));
    const error = await client.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ outcome: 'not-sent', operation: 'DeletePort' });
    expect((error as Error).message).toBe(messages.notSent(`DeletePort port ${PORT}`, `${code} happened`));
    expect(calls()).toBe(1);
  });

  it('finds the code two causes deep, and in an AggregateError (happy eyeballs)', async () => {
    const deep = failingWith(fetchFailed(Object.assign(new Error('wrapped'), { cause: coded('ECONNREFUSED') })));
    await expect(deep.client.deletePort(PORT)).rejects.toMatchObject({ outcome: 'not-sent' });
    const aggregate = failingWith(fetchFailed(new AggregateError([new Error('x'), coded('ECONNREFUSED')], 'all')));
    await expect(aggregate.client.deletePort(PORT)).rejects.toMatchObject({ outcome: 'not-sent' });
  });

  it('a port the Fetch standard blocks ("bad port") is not sent', async () => {
    const { client } = failingWith(fetchFailed(new Error('bad port')));
    await expect(client.deletePort(PORT)).rejects.toMatchObject({ name: 'NetworkError', outcome: 'not-sent' });
  });
});

describe('unknown: the request may have reached the server', () => {
  it.each([
    ['a reset', fetchFailed(coded('ECONNRESET', 'other side closed'))],
    ['a code that is not a string', fetchFailed(Object.assign(new Error('odd'), { code: 111 }))],
    ['no code at all', fetchFailed(new Error('socket hang up'))],
    ['a code more than three causes deep', fetchFailed(nest(coded('ECONNREFUSED'), 3))],
    ['an SSL-looking code that does not start the code', fetchFailed(coded('X_ERR_SSL_'))],
  ])('%s is OutcomeUnknownError connection-lost, naming the ids', async (_, thrown) => {
    const { client } = failingWith(thrown);
    const error = await client.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'connection-lost', ids: [PORT] });
    expect((error as Error).message).toMatch(
      /^DeletePort port .+: the connection was lost \(.+\); the outcome is unknown$/,
    );
  });
});

function nest(error: Error, times: number): Error {
  let e = error;
  for (let i = 0; i < times; i++) e = Object.assign(new Error(`wrap ${i}`), { cause: e });
  return e;
}

// The error a caller catches keeps what fetch threw as its cause: the one place the socket's own
// words (code, syscall, address) are left when a teardown has to be investigated.
describe('the cause is kept', () => {
  it.each([
    ['not sent', fetchFailed(coded('ECONNREFUSED'))],
    ['unknown', fetchFailed(coded('ECONNRESET'))],
  ])('%s: error.cause is what fetch threw', async (_, thrown) => {
    const { client } = failingWith(thrown);
    const error = await client.deletePort(PORT).catch((e: unknown) => e);
    expect((error as Error).cause).toBe(thrown);
  });
});

const perTest = serverPerTest();

describe('a caller abort of releaseInstances while its request is in flight', () => {
  it.each([
    [['i-1'], 'instance i-1'],
    [['i-1', 'i-2'], '2 instances'],
  ])('%j: an unknown outcome naming %s, whose cause is the abort reason', async (ids, subject) => {
    const server = await perTest.start(() => 'hang');
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
    const abort = new AbortController();
    const pending = zc.releaseInstances(ids, { signal: abort.signal });
    await receivedAtLeast(server, 1);
    const reason = new Error('second SIGINT');
    abort.abort(reason);
    const error = (await pending.catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(error.unknown).toHaveLength(1);
    const [{ ids: batch, error: unknown }] = error.unknown as [(typeof error.unknown)[0]];
    expect(batch).toEqual(ids);
    expect(unknown).toBeInstanceOf(OutcomeUnknownError);
    expect(unknown).toMatchObject({
      name: 'OutcomeUnknownError',
      outcome: 'unknown',
      reason: 'connection-lost',
      operation: 'ReleaseInstances',
      ids,
      message: messages.abortedInFlight(`ReleaseInstances ${subject}`),
    });
    expect(unknown.cause).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });
});

describe('a connection error inside an AggregateError', () => {
  const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9696'), { code: 'ECONNREFUSED' });
  it.each([
    ['after an empty slot', [undefined, refused()]],
    ['after a null', [null, refused()]],
  ])('%s is still found: not sent', async (_, errors) => {
    const thrown = new TypeError('fetch failed', { cause: new AggregateError(errors, 'all attempts failed') });
    const ne = createNeutronClient({
      baseUrl: 'http://neutron.test:9696',
      token: 'tok',
      fetch: async () => {
        throw thrown;
      },
    });
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ outcome: 'not-sent', operation: 'DeletePort' });
    expect((error as Error).message).toBe(messages.notSent(`DeletePort port ${PORT}`, 'all attempts failed'));
    expect((error as Error).cause).toBe(thrown);
  });
});

describe('an answer that is not the documented one: the message names the call, the status and what was expected', () => {
  it('Zenlayer: a 200 without the envelope', async () => {
    const { url } = await perTest.answer({ status: 200, raw: '<html>ok</html>' });
    const error = await zenlayerAt(url)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect((error as Error).message).toBe(
      messages.unexpectedAnswer('ReleaseDisk disk disk-1', 200, 'the documented envelope'),
    );
  });

  it('Neutron: a 200 to a DELETE', async () => {
    const { url } = await perTest.answer({ status: 200, body: { port: { id: PORT } } });
    const error = await neutronAt(url)
      .deletePort(PORT)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'OutcomeUnknownError',
      operation: 'DeletePort',
      ids: [PORT],
      reason: 'unexpected-answer',
      status: 200,
    });
    expect((error as Error).message).toBe(messages.unexpectedAnswer(`DeletePort port ${PORT}`, 200, '204 No Content'));
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
    const { url } = await perTest.answer({ status: 307, ...(location !== undefined && { headers: { location } }) });
    const error = await zenlayerAt(url)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ outcome: 'refused', status: 307, locationOrigin: origin });
    expect((error as Error).message).toBe(messages.redirect('ReleaseDisk disk disk-1', 307, origin));
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
      expect((error as Error).message).toBe(messages.redirect(named, 'a redirect'));
    },
  );
});

describe("a caller's signal", () => {
  it('keeps no listener of a call that has ended, however many calls share it', async () => {
    const server = await perTest.start((_, i) =>
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

describe('a request leaves no timer behind', () => {
  const client = clientPerTest({ bearerToken: 't' });

  it('leaves no timer keeping the process alive after a request', async () => {
    const { zc } = await client();
    await zc.releaseDisk('warm-up');
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    await zc.releaseDisk('disk-1');
    await zc.releaseInstances(['i-1', 'i-2']);
    // At most as many as before: a timer another test file left behind (when every file runs
    // in one worker) may expire meanwhile; a leaked per-attempt timer adds one per request.
    expect(timers()).toBeLessThanOrEqual(before);
  });
});

describe('the accepted envelope', () => {
  const client = scriptedZenlayerClient();

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

describe('a signed client aborted, timed out or refused a connection', () => {
  const { PASSWORD } = WIRE;
  let server: CaptureServer;
  const setup = signedClientSetup((s) => {
    server = s;
  });

  it('aborts an in-flight request with the caller’s reason, without retrying', async () => {
    const { zc } = await setup(() => 'hang');
    const controller = new AbortController();
    const pending = zc.releaseDisk('disk-1', { signal: controller.signal });
    await receivedAtLeast(server, 1);
    controller.abort(new Error('operator cancelled'));
    await expect(pending).rejects.toThrow('operator cancelled');
    expect(server.requests).toHaveLength(1);
  });

  it('aborts during back-off', async () => {
    server = await startCaptureServer(() => zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED'));
    const zc = createZenlayerClient({
      accessKeyId: 'AK-1',
      accessKeyPassword: PASSWORD,
      baseUrl: server.url,
      retry: { baseDelayMs: 60_000 },
    });
    const controller = new AbortController();
    const started = Date.now();
    const pending = zc.destroyPort('port-1', { signal: controller.signal });
    // Aborted once the first attempt was answered (then in its 60 s back-off), however slow the machine.
    while (server.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    setTimeout(() => controller.abort(new Error('stop waiting')), 100);
    await expect(pending).rejects.toThrow('stop waiting');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after timeoutMs with a TimeoutError naming the call', async () => {
    const { zc } = await setup(() => 'hang', { timeoutMs: 2_000 });
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error).toMatchObject({ outcome: 'unknown', reason: 'timeout', ids: ['disk-1'], timeoutMs: 2_000 });
    expect((error as Error).message).toBe(messages.timeout('ReleaseDisk disk disk-1', 2000));
  });

  it('turns a refused connection into a NetworkError', async () => {
    const { zc } = await setup();
    await server.close();
    const error = await zc.destroyPort('port-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ operation: 'DestroyPort', outcome: 'not-sent' });
  });
});

describe('a 300 is a redirect too', () => {
  const zenlayer = answeredClient;

  it('a 300 is a redirect: refused, never followed', async () => {
    const { zc } = zenlayer(() => new Response('', { status: 300, headers: { location: 'http://elsewhere.test/x' } }));
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toMatchObject({ status: 300, outcome: 'refused', locationOrigin: 'http://elsewhere.test' });
  });
});
