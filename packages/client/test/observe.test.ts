// Observing and dry-running a client: the exact request, credentials masked (and only they),
// a bodiless request and an empty answer shown as such; a dry run sends nothing and answers
// as the API does when it accepts.
import { describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  dryRunFetch,
  maskCredentials,
  type ObservedRequest,
  type ObservedResponse,
  observingFetch,
} from '../src/index.js';
import type { Reply } from './support/capture-server.js';
import { serverPerTest } from './support/server-per-test.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const servers = serverPerTest();

/** A Zenlayer client against a fresh capture server, sending through `fetch`. */
async function zenlayerVia(fetch: typeof globalThis.fetch, auth: object) {
  await servers.start();
  return createZenlayerClient({ ...auth, baseUrl: servers.server.url, fetch } as never);
}

async function neutronObserved(reply: Reply, hooks: Parameters<typeof observingFetch>[0]) {
  await servers.start(() => reply);
  return createNeutronClient({ baseUrl: servers.server.url, token: 'tok', fetch: observingFetch(hooks) });
}

describe('dryRunFetch', () => {
  it('reports the signed request with the signature masked and sends nothing', async () => {
    const seen: ObservedRequest[] = [];
    const zc = await zenlayerVia(
      dryRunFetch((r) => seen.push(r)),
      { accessKeyId: 'AK-1', accessKeyPassword: 'pw-SECRET' },
    );
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'DRY-RUN', alreadyGone: false });
    expect(servers.server.requests).toHaveLength(0);
    expect(seen).toEqual([
      {
        method: 'POST',
        url: `${servers.server.url}/api/v2/zec`,
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
    expect(servers.server.requests).toHaveLength(0);
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
  const dryRun = dryRunFetch(() => undefined);
  it("a POST: Zenlayer's 200 JSON envelope, the request id also inside `response`", async () => {
    const answer = await dryRun('https://console.zenlayer.test/api/v2/zec', { method: 'POST', body: '{}' });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.json()).toEqual({ requestId: 'DRY-RUN', response: { requestId: 'DRY-RUN' } });
  });

  it("a DELETE: Neutron's 204 without a body", async () => {
    const answer = await dryRun(`https://neutron.test:9696/v2.0/ports/${PORT}`, { method: 'DELETE' });
    expect(answer.status).toBe(204);
    expect(answer.body).toBeNull();
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
    expect(servers.server.requests).toHaveLength(1);
    expect(log).toEqual(['POST /api/v2/sdn Bearer ***', '200 {"requestId":"T-OK","response":{"requestId":"T-OK"}}']);
  });
  it('a DELETE without a body is shown with an empty body, and its 204 as no body', async () => {
    const seen: Array<[ObservedRequest, ObservedResponse]> = [];
    const ne = await neutronObserved({ status: 204 }, { onResponse: (req, res) => seen.push([req, res]) });
    await expect(ne.deletePort(PORT)).resolves.toEqual({ alreadyGone: false });
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toMatchObject({ method: 'DELETE', url: `${servers.server.url}/v2.0/ports/${PORT}`, body: '' });
    expect(seen[0]![1]).toEqual({ status: 204, body: undefined });
  });

  it('an answer that is not JSON is shown as its text', async () => {
    const seen: ObservedResponse[] = [];
    const ne = await neutronObserved(
      { status: 502, headers: { 'content-type': 'text/html' }, raw: '<html>Bad Gateway</html>' },
      { onResponse: (_, res) => seen.push(res) },
    );
    await expect(ne.deletePort(PORT)).rejects.toMatchObject({ name: 'NeutronApiError', status: 502 });
    expect(seen).toEqual([{ status: 502, body: '<html>Bad Gateway</html>' }]);
  });

  it('with only onRequest, the request is reported and the call goes through', async () => {
    const seen: ObservedRequest[] = [];
    const ne = await neutronObserved({ status: 204 }, { onRequest: (req) => seen.push(req) });
    await expect(ne.deletePort(PORT)).resolves.toEqual({ alreadyGone: false });
    expect(seen.map((r) => [r.method, r.headers['x-auth-token']])).toEqual([['DELETE', '***']]);
    expect(servers.server.requests).toHaveLength(1);
  });
});

describe('maskCredentials masks credential headers only', () => {
  it.each([
    ['Authorization', 'Bearer tok-SECRET', 'Bearer ***'],
    [
      'authorization',
      'ZC2-HMAC-SHA256 Credential=AK-1, Signature=ABCDEF0123',
      'ZC2-HMAC-SHA256 Credential=AK-1, Signature=***',
    ],
    ['X-Auth-Token', 'tok-SECRET', '***'],
    ['x-note', 'Bearer not-a-credential', 'Bearer not-a-credential'],
    ['x-note', 'Signature=abc123', 'Signature=abc123'],
  ])('%s: %s is shown as %s', (name, value, shown) => {
    expect(maskCredentials(name, value)).toBe(shown);
  });
});
