// ignoreMissing: a release whose resource is already gone resolves as `alreadyGone` — only for
// the action's own not-found codes (as the Terraform provider reads them), and for Neutron only
// a 404 PortNotFound (a bare 404 may be a wrong base URL); every other refusal still throws.
import { describe, expect, it } from 'vitest';
import { NeutronApiError, ZenlayerApiError } from '../src/index.js';
import { type Reply, zenlayerError } from './support/capture-server.js';
import { clientPerTest } from './support/client-per-test.js';
import { messages } from './support/messages.js';
import { scriptedNeutronClient } from './support/scripted-client.js';
import { signedClientSetup } from './support/signed-client.js';

describe('Zenlayer: refusals, and ignoreMissing', () => {
  const setup = signedClientSetup(() => undefined);

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
      messages.zenlayerRefusal(
        'ReleaseDisk disk-9',
        404,
        'INVALID_DISK_NOT_FOUND',
        'INVALID_DISK_NOT_FOUND happened',
        'T-42',
      ),
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
    expect(error).toMatchObject({ status: 502, code: undefined, apiMessage: 'Bad Gateway from a proxy' });
  });
});

describe('already gone, per action (as the Terraform provider)', () => {
  const client = clientPerTest({ accessKeyId: 'AK', accessKeyPassword: 'pw', retry: false });

  it.each([
    ['releaseInstances', 'INVALID_INSTANCE_NOT_FOUND', true],
    ['releaseInstances', 'OPERATION_FAILED_RESOURCE_NOT_FOUND', false],
    ['releaseInstances', 'INVALID_DISK_NOT_FOUND', false],
    ['releaseDisk', 'INVALID_DISK_NOT_FOUND', true],
    ['releaseDisk', 'OPERATION_FAILED_RESOURCE_NOT_FOUND', true],
    ['releaseDisk', 'INVALID_INSTANCE_NOT_FOUND', false],
    ['destroyPort', 'SELF_SERVICE_PORT_NOT_FOUND', true],
    ['destroyPort', 'INVALID_PORT_NOT_FOUND', true],
    ['destroyPort', 'OPERATION_FAILED_RESOURCE_NOT_FOUND', true],
    ['destroyPort', 'INVALID_DISK_NOT_FOUND', false],
  ] as const)('%s with ignoreMissing: %s is already gone: %s', async (method, code, gone) => {
    const { zc } = await client(() => zenlayerError(404, code));
    const call =
      method === 'releaseInstances'
        ? zc.releaseInstances(['i-1'], { ignoreMissing: true })
        : zc[method]('x-1', { ignoreMissing: true });
    const outcome = await call.then(
      () => 'gone',
      () => 'error',
    );
    expect(outcome).toBe(gone ? 'gone' : 'error');
  });
});

describe('ignoreMissing is "already gone" only for a 404 PortNotFound', () => {
  const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

  const scripted = scriptedNeutronClient();
  const neutron = scripted.neutron;

  const neutronError = (status: number, type: string): Reply => ({
    status,
    body: { NeutronError: { type, message: `${type} happened`, detail: '' } },
  });

  it('a 404 HTTPNotFound (a wrong base URL) is still an error', async () => {
    const ne = await neutron(neutronError(404, 'HTTPNotFound'));
    const error = await ne.deletePort(PORT, { ignoreMissing: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeutronApiError);
    expect(error).toMatchObject({ status: 404, type: 'HTTPNotFound', outcome: 'refused' });
  });

  it('a PortNotFound type under another status is still an error', async () => {
    const ne = await neutron(neutronError(409, 'PortNotFound'));
    await expect(ne.deletePort(PORT, { ignoreMissing: true })).rejects.toMatchObject({
      status: 409,
      type: 'PortNotFound',
    });
  });

  it('a 404 PortNotFound without ignoreMissing is an error', async () => {
    const ne = await neutron(neutronError(404, 'PortNotFound'));
    await expect(ne.deletePort(PORT, { ignoreMissing: false })).rejects.toMatchObject({
      status: 404,
      type: 'PortNotFound',
    });
  });

  it('a 200 with a body is not a 204: the outcome is unknown', async () => {
    const ne = await neutron({ status: 200, body: { port: { id: PORT } } });
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer' });
  });
});
