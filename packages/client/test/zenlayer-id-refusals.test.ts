// The ids a release refuses before anything is sent, as the ValidationError a caller catches:
// the field (with the index of the bad id), the rule it broke, the value shown as given.
import { describe, expect, it } from 'vitest';
import { createZenlayerClient, ValidationError } from '../src/index.js';
import type { CaptureServer } from './support/capture-server.js';
import { messages } from './support/messages.js';
import { serverPerTest } from './support/server-per-test.js';
import { signedClientSetup } from './support/signed-client.js';

const servers = serverPerTest();

async function refused(call: (zc: ReturnType<typeof createZenlayerClient>) => Promise<unknown>) {
  const server = await servers.start();
  const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
  const error = await call(zc).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  expect(server.requests).toEqual([]);
  return error as ValidationError;
}

describe('ids refused before sending', () => {
  it.each([
    [
      'ids that are not an array',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.releaseInstances('i-1' as never),
      'instanceIds',
      'an array of ids',
      messages.refusedUnsent('instanceIds', 'be an array of ids', 'string'),
    ],
    [
      'no ids',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.releaseInstances([]),
      'instanceIds',
      'at least 1 id',
      messages.refusedUnsent('instanceIds', 'contain at least 1 id', '0'),
    ],
    [
      'a blank id among good ones',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.releaseInstances(['i-1', 'i-2', ' \t']),
      'instanceIds[2]',
      'a non-empty string',
      messages.refusedUnsent('instanceIds[2]', 'be a non-empty string', '" \\t"'),
    ],
    [
      'a missing disk id',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.releaseDisk(undefined as never),
      'diskId',
      'a non-empty string',
      messages.refusedUnsent('diskId', 'be a non-empty string', 'undefined'),
    ],
    [
      'a port id that is an object',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.destroyPort({ id: 'p-1' } as never),
      'portId',
      'a non-empty string',
      messages.refusedUnsent('portId', 'be a non-empty string', '{"id":"p-1"}'),
    ],
  ])('%s', async (_, call, field, limit, message) => {
    const error = await refused(call);
    expect(error).toMatchObject({ field, limit, outcome: 'not-sent' });
    expect(error.message).toBe(message);
  });

  it('an id with spaces around it is sent as given', async () => {
    const server = await servers.start();
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await zc.releaseDisk(' disk-1 ');
    expect(server.requests.map((r) => r.json)).toEqual([{ diskId: ' disk-1 ' }]);
  });
});

describe('validation before sending', () => {
  let server: CaptureServer;
  const setup = signedClientSetup((s) => {
    server = s;
  });

  it.each([
    ['releaseInstances', [[]], 'instanceIds'],
    ['releaseInstances', [['i-1', '']], 'instanceIds[1]'],
    ['releaseInstances', ['i-1'], 'instanceIds'],
    ['releaseDisk', ['  '], 'diskId'],
    ['destroyPort', [42], 'portId'],
  ] as const)('%s(%j) throws a ValidationError naming %s and sends nothing', async (method, args, field) => {
    const { zc } = await setup();
    await expect((zc[method] as (...a: unknown[]) => Promise<unknown>)(...args)).rejects.toMatchObject({
      name: 'ValidationError',
      outcome: 'not-sent',
      field,
    });
    expect(server.requests).toHaveLength(0);
  });
});
