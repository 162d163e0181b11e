// The ids a release refuses before anything is sent, as the ValidationError a caller catches:
// the field (with the index of the bad id), the rule it broke, the value shown as given.
import { afterEach, describe, expect, it } from 'vitest';
import { createZenlayerClient, ValidationError, type ZenlayerClientOptions } from '../src/index.js';
import { type Captured, type CaptureServer, type Reply, startCaptureServer } from './support/capture-server.js';
import { messages } from './support/messages.js';
import { serverPerTest } from './support/server-per-test.js';

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
  const PASSWORD = 'pw-SECRET-7f3a';

  const NOW = new Date('2026-11-23T08:00:00Z');

  let server: CaptureServer;

  afterEach(async () => server?.close());

  async function setup(reply?: (r: Captured, i: number) => Reply, extra: Partial<ZenlayerClientOptions> = {}) {
    server = await startCaptureServer(reply);
    const delays: number[] = [];
    const zc = createZenlayerClient({
      accessKeyId: 'AK-1',
      accessKeyPassword: PASSWORD,
      baseUrl: server.url,
      now: () => NOW,
      // random() = 1: each back-off is the top of its jitter range, so waits are exact.
      retry: { random: () => 1, sleep: async (ms) => void delays.push(ms) },
      ...extra,
    } as ZenlayerClientOptions);
    return { zc, delays };
  }

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
