// Secrets never show: not in a client's printed forms, not in any error a call can produce.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient } from '../src/index.js';
import { startCaptureServer, zenlayerError, type CaptureServer } from './support/capture-server.js';

const SECRETS = ['PASSWORD-7f3a9c', 'BEARER-51d0e2', 'KEYSTONE-9a8b7c'];
let server: CaptureServer | undefined;
afterEach(async () => server?.close());

function expectNoSecret(value: unknown) {
  const forms = [String(value), inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? ''];
  if (value instanceof Error) forms.push(value.message, value.stack ?? '', inspect(value.cause, { depth: 10 }));
  for (const form of forms) for (const secret of SECRETS) expect(form).not.toContain(secret);
}

describe('secrets', () => {
  it('stay out of the clients’ toString, JSON and inspect output', () => {
    const signed = createZenlayerClient({ accessKeyId: 'AK-1', accessKeyPassword: SECRETS[0]! });
    const bearer = createZenlayerClient({ bearerToken: SECRETS[1]! });
    const neutron = createNeutronClient({ baseUrl: 'http://127.0.0.1:9696', token: SECRETS[2]! });
    for (const client of [signed, bearer, neutron]) expectNoSecret(client);
    expect(inspect(signed)).toContain('AK-1');
    expect(`${neutron}`).toBe('NeutronClient {"baseUrl":"http://127.0.0.1:9696","token":"***"}');
  });

  it('stay out of API, network, timeout and validation errors', async () => {
    server = await startCaptureServer((r) => (r.path.includes('sdn') ? 'hang' : zenlayerError(403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION')));
    const errors: unknown[] = [];
    for (const auth of [{ accessKeyId: 'AK-1', accessKeyPassword: SECRETS[0]! }, { bearerToken: SECRETS[1]! }]) {
      const zc = createZenlayerClient({ ...auth, baseUrl: server.url, timeoutMs: 50, retry: false } as never);
      errors.push(await zc.releaseDisk('d-1').catch((e: unknown) => e));
      errors.push(await zc.destroyPort('p-1').catch((e: unknown) => e));
      errors.push(await zc.releaseInstances(['i-1']).catch((e: unknown) => e));
      errors.push(await zc.releaseDisk('').catch((e: unknown) => e));
      errors.push(await createZenlayerClient({ ...auth, baseUrl: 'http://127.0.0.1:1' } as never).releaseDisk('d-1').catch((e: unknown) => e));
    }
    const ne = createNeutronClient({ baseUrl: server.url, token: SECRETS[2]! });
    errors.push(await ne.deletePort('6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11').catch((e: unknown) => e));
    expect(errors.every((e) => e instanceof Error)).toBe(true);
    for (const error of errors) expectNoSecret(error);
  });
});
