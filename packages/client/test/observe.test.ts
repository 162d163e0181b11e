// Observing and dry-running a client: the exact request, credentials masked, nothing sent.
import { afterEach, describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  dryRunFetch,
  type ObservedRequest,
  observingFetch,
} from '../src/index.js';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';

let server: CaptureServer;
afterEach(async () => server?.close());

/** A Zenlayer client against a fresh capture server, sending through `fetch`. */
async function zenlayerVia(fetch: typeof globalThis.fetch, auth: object) {
  server = await startCaptureServer();
  return createZenlayerClient({ ...auth, baseUrl: server.url, fetch } as never);
}

describe('dryRunFetch', () => {
  it('reports the signed request with the signature masked and sends nothing', async () => {
    const seen: ObservedRequest[] = [];
    const zc = await zenlayerVia(
      dryRunFetch((r) => seen.push(r)),
      { accessKeyId: 'AK-1', accessKeyPassword: 'pw-SECRET' },
    );
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'DRY-RUN', alreadyGone: false });
    expect(server.requests).toHaveLength(0);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `${server.url}/api/v2/zec`,
        headers: expect.objectContaining({
          'x-zc-action': 'ReleaseDisk',
          authorization: 'ZC2-HMAC-SHA256 Credential=AK-1, SignedHeaders=content-type;host, Signature=***',
        }),
        body: '{"diskId":"disk-1"}',
      },
    ]);
  });

  it('answers a Describe* with the documented empty dataSet, which the read accepts', async () => {
    const zc = await zenlayerVia(
      dryRunFetch(() => undefined),
      { bearerToken: 'tok' },
    );
    await expect(zc.describeInstances(['i-1'])).resolves.toEqual({ requestId: 'DRY-RUN', totalCount: 0, dataSet: [] });
    expect(server.requests).toHaveLength(0);
  });

  it('answers a Neutron DELETE with 204 and masks the token', async () => {
    const seen: ObservedRequest[] = [];
    const ne = createNeutronClient({
      baseUrl: 'http://127.0.0.1:9',
      token: 'tok-SECRET',
      fetch: dryRunFetch((r) => seen.push(r)),
    });
    await expect(ne.deletePort('6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11')).resolves.toEqual({ alreadyGone: false });
    expect(seen[0]!.headers['x-auth-token']).toBe('***');
  });
});

describe('observingFetch', () => {
  it('reports each request and its answer while really sending it', async () => {
    const log: string[] = [];
    const observing = observingFetch({
      onRequest: (r) => log.push(`${r.method} ${new URL(r.url).pathname} ${r.headers.authorization}`),
      onResponse: (_, res) => log.push(`${res.status} ${JSON.stringify(res.body)}`),
    });
    const zc = await zenlayerVia(observing, { bearerToken: 'tok-SECRET' });
    await zc.destroyPort('port-1');
    expect(server.requests).toHaveLength(1);
    expect(log).toEqual(['POST /api/v2/sdn Bearer ***', '200 {"requestId":"T-OK","response":{"requestId":"T-OK"}}']);
  });
});
