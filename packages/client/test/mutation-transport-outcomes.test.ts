// What a failed request becomes, as a caller catches it (issue 15: survivors in
// transport/failure.ts). A caller's abort of a release in flight is an unknown outcome naming
// the batch and keeping the abort as its cause; a connection error is found wherever undici's
// happy-eyeballs AggregateError puts it, holes included.
import { describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  NetworkError,
  OutcomeUnknownError,
  type ZenlayerBatchError,
} from '../src/index.js';
import { receivedAtLeast } from './support/capture-server.js';
import { serverPerTest } from './support/server-per-test.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const servers = serverPerTest();

describe('a caller abort of releaseInstances while its request is in flight', () => {
  it.each([
    [['i-1'], 'instance i-1'],
    [['i-1', 'i-2'], '2 instances'],
  ])('%j: an unknown outcome naming %s, whose cause is the abort reason', async (ids, subject) => {
    const server = await servers.start(() => 'hang');
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
      message: `ReleaseInstances ${subject}: aborted while the request was in flight; the outcome is unknown`,
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
    expect((error as Error).message).toBe(`DeletePort port ${PORT}: no answer (all attempts failed)`);
    expect((error as Error).cause).toBe(thrown);
  });
});
