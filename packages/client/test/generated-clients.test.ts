// Request building of the typed openapi-fetch clients: method, URL, headers and body.
import { describe, expect, it } from 'vitest';
import { createNeutronFetchClient, createZenlayerFetchClient } from '../src/index.js';
import { captureFetch } from './support/capture-fetch.js';

describe('createZenlayerFetchClient', () => {
  const cases = [
    { path: '/api/v2/sdn', action: 'DestroyPort', body: { portId: 'port-1' } },
    { path: '/api/v2/zec', action: 'ReleaseDisk', body: { diskId: 'disk-1' } },
    { path: '/api/v2/vm', action: 'ReleaseInstances', body: { instanceIds: ['i-1', 'i-2'] } },
  ] as const;

  for (const { path, action, body } of cases) {
    it(`${action}: POSTs JSON to ${path} with X-ZC-Action`, async () => {
      const { calls, fetch } = captureFetch();
      const zc = createZenlayerFetchClient({ fetch });
      // The union of the three cases is narrowed by the path at run time only.
      const { data } = await zc.POST(path as '/api/v2/vm', {
        params: { header: { 'X-ZC-Action': action as 'ReleaseInstances', 'X-ZC-Version': '2023-03-13' } },
        body: body as unknown as { instanceIds: string[] },
      });
      expect(data).toEqual({ requestId: 'T1', response: { requestId: 'T1' } });
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({
        method: 'POST',
        url: `https://console.zenlayer.com${path}`,
        headers: { 'x-zc-action': action, 'x-zc-version': '2023-03-13', 'content-type': 'application/json' },
      });
      expect(calls[0]!.json).toEqual(body);
    });
  }

  it('surfaces an error envelope as `error`, typed by status', async () => {
    const envelope = { requestId: 'T2', code: 'INVALID_INSTANCE_NOT_FOUND', message: 'Instance does not exist.' };
    const { fetch } = captureFetch(404, envelope);
    const zc = createZenlayerFetchClient({ fetch, baseUrl: 'http://127.0.0.1:1' });
    const { data, error, response } = await zc.POST('/api/v2/vm', {
      params: { header: { 'X-ZC-Action': 'ReleaseInstances' } },
      body: { instanceIds: ['i-1'] },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(envelope);
  });
});

describe('createNeutronFetchClient', () => {
  it('DELETEs /v2.0/ports/{port_id} with the token and If-Match', async () => {
    const { calls, fetch } = captureFetch(204);
    const ne = createNeutronFetchClient({
      baseUrl: 'http://127.0.0.1:9696',
      fetch,
      headers: { 'X-Auth-Token': 'tok' },
    });
    const id = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
    const { response, error } = await ne.DELETE('/v2.0/ports/{port_id}', {
      params: { path: { port_id: id }, header: { 'If-Match': 'revision_number=4' } },
    });
    expect(response.status).toBe(204);
    expect(error).toBeUndefined();
    expect(calls).toEqual([
      {
        method: 'DELETE',
        path: `/v2.0/ports/${id}`,
        url: `http://127.0.0.1:9696/v2.0/ports/${id}`,
        headers: expect.objectContaining({ 'x-auth-token': 'tok', 'if-match': 'revision_number=4' }),
        body: Buffer.alloc(0),
        json: undefined,
      },
    ]);
  });
});
