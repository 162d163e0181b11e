// Secrets never show: not in a client's printed forms, not in any error a call can produce.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { CloudReleaseError, createNeutronClient, createZenlayerClient } from '../src/index.js';
import { accepted, type CaptureServer, startCaptureServer, zenlayerError } from './support/capture-server.js';

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

  it('a client prints one masked face in every form, and a spread copy carries none of the hooks', () => {
    const neutron = createNeutronClient({ baseUrl: 'http://127.0.0.1:9696', token: SECRETS[2]! });
    const face = '{"baseUrl":"http://127.0.0.1:9696","token":"***"}';
    expect(JSON.stringify(neutron)).toBe(face);
    expect(String(neutron)).toBe(`NeutronClient ${face}`);
    expect(inspect(neutron)).toBe(`NeutronClient ${face}`);
    // { ...client } (to wrap a method, say) copies the API, not a face that would describe the original.
    const copy = { ...neutron };
    expect(Object.keys(copy)).not.toEqual(expect.arrayContaining(['toJSON']));
    expect(Object.keys(copy)).not.toEqual(expect.arrayContaining(['toString']));
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
  });

  it('stay out of API, network, timeout and validation errors', async () => {
    server = await startCaptureServer((r) =>
      r.path.includes('sdn') ? 'hang' : zenlayerError(403, 'AUTHFAILURE_UNAUTHORIZED_OPERATION'),
    );
    const errors: unknown[] = [];
    for (const auth of [{ accessKeyId: 'AK-1', accessKeyPassword: SECRETS[0]! }, { bearerToken: SECRETS[1]! }]) {
      const zc = createZenlayerClient({ ...auth, baseUrl: server.url, timeoutMs: 2_000, retry: false } as never);
      errors.push(await zc.releaseDisk('d-1').catch((e: unknown) => e));
      errors.push(await zc.destroyPort('p-1').catch((e: unknown) => e));
      errors.push(await zc.releaseInstances(['i-1']).catch((e: unknown) => e));
      errors.push(await zc.releaseDisk('').catch((e: unknown) => e));
      errors.push(
        await createZenlayerClient({ ...auth, baseUrl: 'http://127.0.0.1:1' } as never)
          .releaseDisk('d-1')
          .catch((e: unknown) => e),
      );
    }
    const ne = createNeutronClient({ baseUrl: server.url, token: SECRETS[2]! });
    errors.push(await ne.deletePort('6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11').catch((e: unknown) => e));
    errors.push(await ne.deletePort('not-a-uuid').catch((e: unknown) => e));
    errors.push(
      await createNeutronClient({ baseUrl: 'http://127.0.0.1:1', token: SECRETS[2]! })
        .deletePort('6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11')
        .catch((e: unknown) => e),
    );
    const hanging = await startCaptureServer(() => 'hang');
    try {
      const slow = createNeutronClient({ baseUrl: hanging.url, token: SECRETS[2]!, timeoutMs: 2_000 });
      errors.push(await slow.deletePort('6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11').catch((e: unknown) => e));
    } finally {
      await hanging.close();
    }
    expect(errors.map((e) => (e as Error).name)).toEqual(
      expect.arrayContaining([
        'ZenlayerApiError',
        'ZenlayerBatchError',
        'TimeoutError',
        'NetworkError',
        'ValidationError',
        'NeutronApiError',
      ]),
    );
    expect(errors.every((e) => e instanceof CloudReleaseError)).toBe(true);
    for (const error of errors) expectNoSecret(error);
  });
});

describe('secrets in construction errors, progress and on the wire', () => {
  it('a refused construction does not echo a secret', () => {
    const attempts = [
      { accessKeyId: 'AK-1', accessKeyPassword: SECRETS[0], bearerToken: SECRETS[1] },
      { accessKeyId: '', accessKeyPassword: SECRETS[0] },
      { bearerToken: SECRETS[1], timeoutMs: -1 },
      { accessKeyId: 'AK-1', accessKeyPassword: SECRETS[0], baseUrl: 'nope' },
    ];
    for (const options of attempts) {
      const error = (() => {
        try {
          createZenlayerClient(options as never);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(Error);
      expectNoSecret(error);
    }
    const neutronError = (() => {
      try {
        createNeutronClient({ baseUrl: 'nope', token: SECRETS[2]! });
      } catch (e) {
        return e;
      }
    })();
    expect(neutronError).toBeInstanceOf(Error);
    expectNoSecret(neutronError);
  });

  it('the password is never sent; progress reports and results carry no secret', async () => {
    server = await startCaptureServer((r) =>
      r.json?.instanceIds?.includes('bad') ? zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED') : accepted(),
    );
    const zc = createZenlayerClient({ accessKeyId: 'AK-1', accessKeyPassword: SECRETS[0]!, baseUrl: server.url });
    const reports: unknown[] = [];
    const outcomes: unknown[] = [];
    outcomes.push(await zc.releaseInstances(['ok'], { onBatch: (p) => reports.push(p) }));
    outcomes.push(await zc.releaseInstances(['bad'], { onBatch: (p) => reports.push(p) }).catch((e: unknown) => e));
    outcomes.push(await zc.releaseDisk('d-1'));
    for (const value of [...reports, ...outcomes]) expectNoSecret(value);
    for (const r of server.requests) {
      expect(JSON.stringify(r.headers) + r.body.toString()).not.toContain(SECRETS[0]);
    }
  });
});

describe('a client printed shows its endpoint, never its secret', () => {
  /** Answers without the envelope, each with the apiMessage a caller gets from it. */
  const ne = createNeutronClient({ baseUrl: 'http://neutron.test:9696', token: 'tok-SECRET' });
  it('JSON, String and inspect show the base URL and a mask', () => {
    expect(JSON.parse(JSON.stringify(ne))).toEqual({ baseUrl: 'http://neutron.test:9696', token: '***' });
    expect(String(ne)).toBe('NeutronClient {"baseUrl":"http://neutron.test:9696","token":"***"}');
    expect(inspect(ne)).toBe('NeutronClient {"baseUrl":"http://neutron.test:9696","token":"***"}');
  });

  it('the face adds no enumerable key: a spread copy is the methods only', () => {
    expect(Object.keys(ne).sort()).toEqual(['deletePort', 'getPort', 'listPorts']);
  });
});

describe('a Zenlayer client printed, for each kind of credential', () => {
  it('signed: the base URL, the method and the access key id, the password masked', () => {
    const zc = createZenlayerClient({ accessKeyId: 'AK-1', accessKeyPassword: 'pw-SECRET', baseUrl: 'http://zc.test' });
    const face = '{"baseUrl":"http://zc.test","auth":"ZC2-HMAC-SHA256 (accessKeyId AK-1, password ***)"}';
    expect(String(zc)).toBe(`ZenlayerClient ${face}`);
    expect(inspect(zc)).toBe(`ZenlayerClient ${face}`);
    expect(JSON.stringify(zc)).toBe(face);
  });

  it('bearer: the token masked', () => {
    const zc = createZenlayerClient({ bearerToken: 'tok-SECRET' });
    expect(String(zc)).toBe('ZenlayerClient {"baseUrl":"https://console.zenlayer.com","auth":"Bearer ***"}');
  });
});
