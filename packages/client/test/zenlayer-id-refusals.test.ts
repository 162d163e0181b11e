// The ids a release refuses before anything is sent, as the ValidationError a caller catches:
// the field (with the index of the bad id), the rule it broke, the value shown as given.
import { afterEach, describe, expect, it } from 'vitest';
import { createZenlayerClient, ValidationError, type ZenlayerClientOptions } from '../src/index.js';
import { type Captured, type CaptureServer, type Reply, startCaptureServer } from './support/capture-server.js';
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
      'instanceIds must be an array of ids (got string); nothing was sent',
    ],
    [
      'no ids',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.releaseInstances([]),
      'instanceIds',
      'at least 1 id',
      'instanceIds must contain at least 1 id (got 0); nothing was sent',
    ],
    [
      'a blank id among good ones',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.releaseInstances(['i-1', 'i-2', ' \t']),
      'instanceIds[2]',
      'a non-empty string',
      'instanceIds[2] must be a non-empty string (got " \\t"); nothing was sent',
    ],
    [
      'a missing disk id',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.releaseDisk(undefined as never),
      'diskId',
      'a non-empty string',
      'diskId must be a non-empty string (got undefined); nothing was sent',
    ],
    [
      'a port id that is an object',
      (zc: ReturnType<typeof createZenlayerClient>) => zc.destroyPort({ id: 'p-1' } as never),
      'portId',
      'a non-empty string',
      'portId must be a non-empty string (got {"id":"p-1"}); nothing was sent',
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
    ['releaseInstances', [[]], /instanceIds must contain at least 1 id \(got 0\)/],
    ['releaseInstances', [['i-1', '']], /instanceIds\[1\] must be a non-empty string \(got ""\)/],
    ['releaseInstances', ['i-1'], /instanceIds must be an array of ids/],
    ['releaseDisk', ['  '], /diskId must be a non-empty string/],
    ['destroyPort', [42], /portId must be a non-empty string \(got 42\)/],
  ] as const)('%s(%j) throws a ValidationError and sends nothing', async (method, args, message) => {
    const { zc } = await setup();
    await expect((zc[method] as (...a: unknown[]) => Promise<unknown>)(...args)).rejects.toMatchObject({
      name: 'ValidationError',
      message: expect.stringMatching(message),
    });
    expect(server.requests).toHaveLength(0);
  });
});
