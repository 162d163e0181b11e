// What observing and dry-running show (issue 15: survivors in transport/observe.ts): a
// bodiless request is shown with an empty body, an empty answer as no body and a page as its
// text; either hook may be left out; the dry run answers as the API does when it accepts; only
// credential headers are masked.
import { describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  dryRunFetch,
  maskCredentials,
  type ObservedRequest,
  type ObservedResponse,
  observingFetch,
} from '../src/index.js';
import type { CaptureServer, Reply } from './support/capture-server.js';
import { serverPerTest } from './support/server-per-test.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
let server: CaptureServer | undefined;
const servers = serverPerTest();
async function neutronObserved(reply: Reply, hooks: Parameters<typeof observingFetch>[0]) {
  server = await servers.start(() => reply);
  return createNeutronClient({ baseUrl: server.url, token: 'tok', fetch: observingFetch(hooks) });
}

describe('observingFetch', () => {
  it('a DELETE without a body is shown with an empty body, and its 204 as no body', async () => {
    const seen: Array<[ObservedRequest, ObservedResponse]> = [];
    const ne = await neutronObserved({ status: 204 }, { onResponse: (req, res) => seen.push([req, res]) });
    await expect(ne.deletePort(PORT)).resolves.toEqual({ alreadyGone: false });
    expect(seen).toHaveLength(1);
    expect(seen[0]![0]).toMatchObject({ method: 'DELETE', url: `${server!.url}/v2.0/ports/${PORT}`, body: '' });
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
    expect(server!.requests).toHaveLength(1);
  });
});

describe('dryRunFetch answers as the API does when it accepts', () => {
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
