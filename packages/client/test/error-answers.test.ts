// What an error answer becomes for a caller: an edge proxy's challenge whatever its casing and
// only on a 403 (a 451 is REQUEST_BLOCKED), a body that is not the envelope (an HTML page, a
// JSON `null`, nothing, fields that are not strings) for Zenlayer and Neutron alike, and
// `isNotFound` on a companion's error (never "already gone"). Each reads the ZenlayerApiError
// or NeutronApiError a caller catches.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  NeutronApiError,
  ZenlayerApiError,
  type ZenlayerBatchError,
} from '../src/index.js';
import { type CaptureServer, type Reply, startCaptureServer, zenlayerError } from './support/capture-server.js';
import { messages } from './support/messages.js';
import { serverPerTest } from './support/server-per-test.js';

const servers = serverPerTest();

async function answered(reply: Reply): Promise<ZenlayerApiError> {
  const server = await servers.start(() => reply);
  const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
  const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ZenlayerApiError);
  return error as ZenlayerApiError;
}

describe('edge proxy answers', () => {
  it('cf-mitigated: Challenge (any casing) on a 403 is SECURITY_CHALLENGE', async () => {
    const error = await answered({ status: 403, headers: { 'cf-mitigated': 'Challenge' }, raw: '<html>' });
    expect(error).toMatchObject({ status: 403, code: 'SECURITY_CHALLENGE', outcome: 'refused' });
    expect(error.message).toBe(messages.zenlayerRefusal('ReleaseDisk disk-1', 403, 'SECURITY_CHALLENGE', '<html>'));
  });

  it('cf-mitigated: challenge on another status is no challenge', async () => {
    const error = await answered({ status: 503, headers: { 'cf-mitigated': 'challenge' }, raw: '<html>' });
    expect(error).toMatchObject({ status: 503, code: undefined });
  });

  it('a plain 403 without the envelope has no code; a 451 is REQUEST_BLOCKED', async () => {
    expect(await answered({ status: 403, raw: 'Forbidden' })).toMatchObject({ status: 403, code: undefined });
    expect(await answered({ status: 451 })).toMatchObject({ status: 451, code: 'REQUEST_BLOCKED' });
  });

  it('an envelope code wins over the edge status', async () => {
    const error = await answered(zenlayerError(451, 'INVALID_DISK_NOT_FOUND'));
    expect(error.code).toBe('INVALID_DISK_NOT_FOUND');
  });
});

describe('bodies that are not the envelope', () => {
  it('a JSON null: no code, no request id, the status text', async () => {
    const error = await answered({ status: 409, body: null, raw: 'null' });
    expect(error).toMatchObject({ status: 409, code: undefined, requestId: undefined, apiMessage: 'Conflict' });
    expect(error.message).toBe(messages.zenlayerRefusal('ReleaseDisk disk-1', 409, undefined, 'Conflict'));
  });

  it('a message that is not a string is not the message', async () => {
    const error = await answered({
      status: 409,
      body: { code: 'INVALID_DISK_NOT_FOUND', requestId: 'T-1', message: 42 },
    });
    expect(error).toMatchObject({ code: 'INVALID_DISK_NOT_FOUND', requestId: 'T-1', apiMessage: 'Conflict' });
  });

  it('a request id that is not a string is no request id', async () => {
    const error = await answered({ status: 409, body: { code: 'INVALID_DISK_NOT_FOUND', requestId: 7, message: 'm' } });
    expect(error.requestId).toBeUndefined();
    expect(error.message).toBe(messages.zenlayerRefusal('ReleaseDisk disk-1', 409, 'INVALID_DISK_NOT_FOUND', 'm'));
  });

  it('an empty message is kept as given', async () => {
    const error = await answered({ status: 409, body: { code: 'INVALID_DISK_NOT_FOUND', message: '' } });
    expect(error.apiMessage).toBe('');
  });
});

describe('isNotFound', () => {
  it('is never true for a companion, whatever its code', async () => {
    const server = await servers.start(() => zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND'));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
    const error = await zc.terminateInstance('i-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZenlayerApiError);
    expect(error).toMatchObject({ action: 'TerminateInstance', code: 'INVALID_INSTANCE_NOT_FOUND' });
    expect((error as ZenlayerApiError).isNotFound).toBe(false);
  });

  it('is true for a release’s own not-found code, false for another', async () => {
    expect((await answered(zenlayerError(404, 'INVALID_DISK_NOT_FOUND'))).isNotFound).toBe(true);
    expect((await answered(zenlayerError(404, 'INVALID_PORT_NOT_FOUND'))).isNotFound).toBe(false);
  });
});

describe('the ids a refusal names', () => {
  it('three ids are named each; a fourth shortens the list to first, second, last and the count', async () => {
    const server = await servers.start(() => zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', 'T-9'));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
    const names = async (ids: string[]) => {
      const error = (await zc.releaseInstances(ids).catch((e: unknown) => e)) as ZenlayerBatchError;
      return error.failed[0]!.error.message.split(' failed:')[0];
    };
    expect(await names(['a', 'b', 'c'])).toBe('ReleaseInstances a, b, c');
    expect(await names(['a', 'b', 'c', 'd'])).toBe('ReleaseInstances a, b … d (4 ids)');
  });
});

describe('destroyPort names its port', () => {
  it('in a refusal and in an unknown outcome', async () => {
    const server = await servers.start((_, i) =>
      i === 0 ? zenlayerError(403, 'OPERATION_DENIED_PORT_IN_USE', 'T-p') : { status: 200, raw: '<html>' },
    );
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
    const refusal = await zc.destroyPort('port-1').catch((e: unknown) => e);
    expect(refusal).toMatchObject({ action: 'DestroyPort', resourceIds: ['port-1'] });
    expect((refusal as Error).message).toBe(
      messages.zenlayerRefusal(
        'DestroyPort port-1',
        403,
        'OPERATION_DENIED_PORT_IN_USE',
        'OPERATION_DENIED_PORT_IN_USE happened',
        'T-p',
      ),
    );
    await expect(zc.destroyPort('port-1')).rejects.toMatchObject({
      outcome: 'unknown',
      ids: ['port-1'],
      message: messages.unexpectedAnswer('DestroyPort port port-1', 200, 'the documented envelope'),
    });
  });
});

describe('an error answer that is not the documented envelope', () => {
  const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

  function zenlayerAnswer(response: () => Response) {
    return createZenlayerClient({
      bearerToken: 't',
      baseUrl: 'http://zenlayer.test',
      retry: false,
      fetch: async () => response(),
    });
  }

  function neutronAnswer(response: () => Response) {
    return createNeutronClient({ baseUrl: 'http://neutron.test', token: 'tok', fetch: async () => response() });
  }

  const long = `<html>${'x'.repeat(300)}</html>`;

  /** Answers without the envelope, each with the apiMessage a caller gets from it. */
  const NOT_ENVELOPES: Array<[string, () => Response, string]> = [
    ['an HTML page: its start, trimmed', () => new Response(`  ${long}  `, { status: 502 }), long.slice(0, 200)],
    [
      'an empty body: the status text',
      () => new Response('', { status: 502, statusText: 'Bad Gateway' }),
      'Bad Gateway',
    ],
    ['nothing at all', () => new Response('', { status: 502 }), 'no message'],
  ];

  it.each(NOT_ENVELOPES)('Zenlayer, %s', async (_, response, apiMessage) => {
    const error = await zenlayerAnswer(response)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZenlayerApiError);
    expect(error).toMatchObject({ status: 502, apiMessage, requestId: undefined, outcome: 'refused' });
  });

  it.each(NOT_ENVELOPES)('Neutron, %s', async (_, response, apiMessage) => {
    const error = await neutronAnswer(response)
      .deletePort(PORT)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeutronApiError);
    expect(error).toMatchObject({ status: 502, apiMessage, requestId: undefined, outcome: 'refused' });
  });

  it('an empty requestId or type is no requestId or type', async () => {
    const json = (body: unknown) => () =>
      new Response(JSON.stringify(body), { status: 409, headers: { 'content-type': 'application/json' } });
    await expect(
      zenlayerAnswer(json({ requestId: '', code: '', message: 'm' })).releaseDisk('d'),
    ).rejects.toMatchObject({ requestId: undefined, code: undefined, apiMessage: 'm' });
    await expect(
      neutronAnswer(json({ NeutronError: { type: '', message: '' } })).deletePort(PORT),
    ).rejects.toMatchObject({ type: undefined, apiMessage: 'no message' });
  });
});

describe("Neutron: the answer's request id", () => {
  let server: CaptureServer;

  afterEach(async () => server?.close());

  const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
  it('NeutronApiError carries the X-Openstack-Request-Id', async () => {
    server = await startCaptureServer(() => ({
      status: 409,
      headers: { 'x-openstack-request-id': 'req-1b2c' },
      body: { NeutronError: { type: 'ServicePortInUse', message: 'busy', detail: '' } },
    }));
    const ne = createNeutronClient({ baseUrl: server.url, token: 't' });
    const error = await ne.deletePort(PORT).catch((e: unknown) => e);
    expect(error).toMatchObject({ requestId: 'req-1b2c', code: 'ServicePortInUse', outcome: 'refused' });
    expect((error as Error).message).toBe(
      messages.neutronRefusal(`DeletePort port ${PORT}`, 409, 'ServicePortInUse', 'busy', 'req-1b2c'),
    );
  });
});
