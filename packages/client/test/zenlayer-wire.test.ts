import { afterEach, describe, expect, it } from 'vitest';
import { createZenlayerClient, ZenlayerApiError, type ZenlayerClientOptions } from '../src/index.js';
import {
  type Captured,
  type CaptureServer,
  type Reply,
  startCaptureServer,
  zenlayerError,
} from './support/capture-server.js';

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

describe('errors and ignoreMissing', () => {
  it('throws ZenlayerApiError saying what failed, on which resource, with the requestId', async () => {
    const { zc } = await setup(() => zenlayerError(404, 'INVALID_DISK_NOT_FOUND', 'T-42'));
    const error = await zc.releaseDisk('disk-9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZenlayerApiError);
    expect(error).toMatchObject({
      action: 'ReleaseDisk',
      resourceIds: ['disk-9'],
      status: 404,
      code: 'INVALID_DISK_NOT_FOUND',
      requestId: 'T-42',
    });
    expect((error as Error).message).toBe(
      'ReleaseDisk disk-9 failed: 404 INVALID_DISK_NOT_FOUND (INVALID_DISK_NOT_FOUND happened) [requestId T-42]',
    );
  });

  it.each(['SELF_SERVICE_PORT_NOT_FOUND', 'INVALID_PORT_NOT_FOUND', 'OPERATION_FAILED_RESOURCE_NOT_FOUND'])(
    'ignoreMissing accepts %s as already gone',
    async (code) => {
      const { zc } = await setup(() => zenlayerError(404, code, 'T-gone'));
      await expect(zc.destroyPort('port-1', { ignoreMissing: true })).resolves.toEqual({
        requestId: 'T-gone',
        alreadyGone: true,
      });
    },
  );

  it('ignoreMissing does not hide other errors', async () => {
    const { zc } = await setup(() => zenlayerError(400, 'UNSUPPORTED_OPERATION_DISK_STATUS'));
    await expect(zc.releaseDisk('disk-1', { ignoreMissing: true })).rejects.toMatchObject({
      code: 'UNSUPPORTED_OPERATION_DISK_STATUS',
    });
  });

  it('reads an answer that is not the envelope', async () => {
    const { zc } = await setup(() => ({ status: 502, body: 'Bad Gateway from a proxy' }));
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 502, code: undefined });
    expect((error as Error).message).toMatch(/^ReleaseDisk disk-1 failed: 502 without an error code/);
  });
});

describe('validation before sending', () => {
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
