// Request building of the openapi-generator typescript-fetch clients, as users import them
// (the compiled package entry points): method, URL, headers, body, and how errors surface.

import * as neutron from '@cloud-release/client-typescript-fetch/neutron';
import * as zenlayer from '@cloud-release/client-typescript-fetch/zenlayer';
import { describe, expect, it } from 'vitest';

interface Captured {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

function stubFetch(status = 200, body: unknown = { requestId: 'T1', response: { requestId: 'T1' } }) {
  const calls: Captured[] = [];
  const fetchApi = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    return status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetchApi };
}

const zenlayerConfig = (fetchApi: zenlayer.FetchAPI) =>
  new zenlayer.Configuration({ basePath: 'http://127.0.0.1:4010', fetchApi, apiKey: () => 'Bearer test-token' });

describe('typescript-fetch zenlayer client', () => {
  it('DestroyPort: POST /api/v2/sdn with X-ZC-Action and the JSON body', async () => {
    const { calls, fetchApi } = stubFetch();
    const api = new zenlayer.SdnApi(zenlayerConfig(fetchApi));
    const result = await api.destroyPort({
      xZCAction: zenlayer.DestroyPortXZCActionEnum.DestroyPort,
      xZCVersion: '2023-08-30',
      destroyPortBody: { portId: 'port-1' },
    });
    expect(result).toEqual({ requestId: 'T1', response: { requestId: 'T1' } });
    expect(calls).toEqual([
      {
        method: 'POST',
        url: 'http://127.0.0.1:4010/api/v2/sdn',
        headers: expect.objectContaining({
          'x-zc-action': 'DestroyPort',
          'x-zc-version': '2023-08-30',
          'content-type': 'application/json',
          authorization: 'Bearer test-token',
        }),
        body: '{"portId":"port-1"}',
      },
    ]);
  });

  it.each([
    {
      action: 'ReleaseDisk',
      path: '/api/v2/zec',
      send: (f: typeof fetch) =>
        new zenlayer.ZecApi(zenlayerConfig(f)).releaseDisk({
          xZCAction: zenlayer.ReleaseDiskXZCActionEnum.ReleaseDisk,
          releaseDiskBody: { diskId: 'disk-1' },
        }),
      body: '{"diskId":"disk-1"}',
    },
    {
      action: 'ReleaseInstances',
      path: '/api/v2/vm',
      send: (f: typeof fetch) =>
        new zenlayer.VmApi(zenlayerConfig(f)).releaseInstances({
          xZCAction: zenlayer.ReleaseInstancesXZCActionEnum.ReleaseInstances,
          releaseInstancesBody: { instanceIds: ['i-1', 'i-2'] },
        }),
      body: '{"instanceIds":["i-1","i-2"]}',
    },
  ])('$action: POST $path', async ({ action, path, send, body }) => {
    const { calls, fetchApi } = stubFetch();
    await send(fetchApi);
    expect(calls[0]).toMatchObject({ method: 'POST', url: `http://127.0.0.1:4010${path}`, body });
    expect(calls[0]!.headers['x-zc-action']).toBe(action);
  });

  it('refuses a missing required body before sending', async () => {
    const { calls, fetchApi } = stubFetch();
    const api = new zenlayer.ZecApi(zenlayerConfig(fetchApi));
    await expect(
      api.releaseDisk({ xZCAction: zenlayer.ReleaseDiskXZCActionEnum.ReleaseDisk } as zenlayer.ReleaseDiskRequest),
    ).rejects.toThrow(/releaseDiskBody/);
    expect(calls).toHaveLength(0);
  });

  it('throws the raw Response on an error status (the generator’s 5.0 behaviour)', async () => {
    const envelope = { requestId: 'T2', code: 'INVALID_DISK_NOT_FOUND', message: 'Disk does not exist.' };
    const { fetchApi } = stubFetch(404, envelope);
    const api = new zenlayer.ZecApi(zenlayerConfig(fetchApi));
    const thrown = await api
      .releaseDisk({ xZCAction: zenlayer.ReleaseDiskXZCActionEnum.ReleaseDisk, releaseDiskBody: { diskId: 'd' } })
      .catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    expect(await (thrown as Response).json()).toEqual(envelope);
  });
});

describe('typescript-fetch neutron client', () => {
  it('DeletePort: DELETE /v2.0/ports/{port_id} with X-Auth-Token and If-Match', async () => {
    const { calls, fetchApi } = stubFetch(204);
    const api = new neutron.PortsApi(
      new neutron.Configuration({ basePath: 'http://127.0.0.1:9696', fetchApi, apiKey: () => 'tok' }),
    );
    const id = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
    await api.deletePort({ portId: id, ifMatch: 'revision_number=4' });
    expect(calls).toEqual([
      {
        method: 'DELETE',
        url: `http://127.0.0.1:9696/v2.0/ports/${id}`,
        headers: expect.objectContaining({ 'x-auth-token': 'tok', 'if-match': 'revision_number=4' }),
        body: '',
      },
    ]);
  });
});
