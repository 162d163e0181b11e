// A request that got no answer is "not sent" only when the connection was never made;
// anything else may have reached the server, so its outcome is unknown. A wrong "not sent"
// would invite a caller to repeat a release that may have happened (issue 15).
import { describe, expect, it } from 'vitest';
import { createNeutronClient, NetworkError, OutcomeUnknownError } from '../src/index.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

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
    expect((error as Error).message).toBe(`DeletePort port ${PORT}: no answer (${code} happened)`);
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
