// Answering like the providers' official clients, detail by detail: the SDK headers, the codes
// each action reads as already gone (as the Terraform provider does), Neutron's request id.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, SDK_VERSION } from '../src/index.js';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';
import { messages } from './support/messages.js';

let server: CaptureServer;

afterEach(async () => server?.close());

const zenlayer = () =>
  createZenlayerClient({ accessKeyId: 'AK', accessKeyPassword: 'pw', baseUrl: server.url, retry: false });

describe('Zenlayer headers', () => {
  it.each([
    ['releaseInstances', 'vm'],
    ['releaseDisk', 'zec'],
    ['destroyPort', 'sdn'],
  ] as const)('%s sends X-ZC-Service %s, X-ZC-SDK-Lang and X-ZC-SDK-Version', async (method, service) => {
    server = await startCaptureServer();
    const zc = zenlayer();
    await (method === 'releaseInstances' ? zc.releaseInstances(['i-1']) : zc[method]('x-1'));
    expect(server.requests[0]!.headers).toMatchObject({
      'x-zc-service': service,
      'x-zc-sdk-lang': 'typescript',
      'x-zc-sdk-version': SDK_VERSION,
    });
  });

  it('X-ZC-SDK-Version is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(SDK_VERSION).toBe(pkg.version);
  });
});

describe('Neutron', () => {
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

  it('ignoreMissing accepts PortNotFound only, not a bare HTTPNotFound (maybe a wrong base URL)', async () => {
    server = await startCaptureServer(() => ({
      status: 404,
      body: { NeutronError: { type: 'HTTPNotFound', message: 'The resource could not be found.', detail: '' } },
    }));
    const ne = createNeutronClient({ baseUrl: server.url, token: 't' });
    await expect(ne.deletePort(PORT, { ignoreMissing: true })).rejects.toMatchObject({
      status: 404,
      type: 'HTTPNotFound',
    });
  });
});
