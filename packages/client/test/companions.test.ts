// The reads and moves around a release (issue 11): on the wire as the official clients send
// them, and a whole Terraform-ordered teardown against the stateful mock.
import { createNeutronClient, createZenlayerClient, NeutronApiError, ValidationError } from '@cloud-release/client';
import { startMock } from '@cloud-release/mock';
import { afterEach, describe, expect, it } from 'vitest';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const cleanup: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()));
});

async function capture(body: unknown): Promise<CaptureServer> {
  const server = await startCaptureServer(() => ({ status: 200, body }));
  cleanup.push(() => server.close());
  return server;
}

describe('on the wire', () => {
  it('DescribeInstances is a signed POST to the vm URL, the action in X-ZC-Action', async () => {
    const answer = { requestId: 'T-D', response: { requestId: 'T-D', totalCount: 0, dataSet: [] } };
    const server = await capture(answer);
    const zc = createZenlayerClient({ accessKeyId: 'AK', accessKeyPassword: 'pw', baseUrl: server.url });
    const result = await zc.describeInstances(['i-1', 'i-2'], { pageSize: 100 });
    expect(result).toEqual({ requestId: 'T-D', totalCount: 0, dataSet: [] });
    const [sent] = server.requests;
    expect(sent).toMatchObject({
      method: 'POST',
      path: '/api/v2/vm',
      json: { instanceIds: ['i-1', 'i-2'], pageSize: 100 },
    });
    expect(sent!.headers).toMatchObject({ 'x-zc-action': 'DescribeInstances', 'x-zc-service': 'vm' });
    expect(sent!.headers.authorization).toMatch(/^ZC2-HMAC-SHA256 Credential=AK, SignedHeaders=content-type;host, /);
  });

  it.each([
    ['terminateInstance', 'i-1', '/api/v2/vm', 'TerminateInstance', { instanceId: 'i-1' }],
    ['terminatePort', 'p-1', '/api/v2/sdn', 'TerminatePort', { portId: 'p-1' }],
  ] as const)('%s sends %s to %s', async (method, id, path, action, json) => {
    const server = await capture({ requestId: 'T-T', response: { requestId: 'T-T' } });
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc[method](id)).resolves.toEqual({ requestId: 'T-T' });
    expect(server.requests[0]).toMatchObject({ path, json, headers: { 'x-zc-action': action } });
  });

  it.each([
    [[], 'instanceIds must contain at least 1 id'],
    [Array.from({ length: 101 }, (_, i) => `i-${i}`), 'instanceIds must have at most 100 ids (got 101)'],
  ])('refuses %j ids before sending', async (ids, message) => {
    const server = await capture({});
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc.describeInstances(ids)).rejects.toThrow(message);
    expect(server.requests).toEqual([]);
  });

  it.each([
    [{ pageSize: 0 }, 'pageSize must be an integer 1..1000 (got 0)'],
    [{ pageSize: 1001 }, 'pageSize must be an integer 1..1000 (got 1001)'],
    [{ pageNum: 0 }, 'pageNum must be an integer ≥ 1 (got 0)'],
    [{ pageNum: 1.5 }, 'pageNum must be an integer ≥ 1 (got 1.5)'],
  ])('refuses paging %j before sending', async (page, message) => {
    const server = await capture({});
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    const error = await zc.describePorts(['p-1'], page).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toContain(message);
    expect(server.requests).toEqual([]);
  });

  it('a Describe 200 that is not the envelope is an unknown outcome, not an empty result', async () => {
    const server = await startCaptureServer(() => ({ status: 200, raw: '<html>maintenance</html>' }));
    cleanup.push(() => server.close());
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc.describeDisks(['d-1'])).rejects.toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer' });
  });

  it('Neutron listPorts sends name and repeated id filters; getPort reads the port', async () => {
    const port = { id: PORT, name: 'web', project_id: 'p', device_owner: '', status: 'ACTIVE' };
    const server = await startCaptureServer((r) =>
      r.path.startsWith('/v2.0/ports?') ? { status: 200, body: { ports: [port] } } : { status: 200, body: { port } },
    );
    cleanup.push(() => server.close());
    const ne = createNeutronClient({ baseUrl: server.url, token: 'tok' });
    await expect(ne.listPorts({ name: 'web', id: [PORT] })).resolves.toEqual([port]);
    await expect(ne.getPort(PORT)).resolves.toEqual(port);
    expect(server.requests.map((r) => [r.method, r.path, r.headers['x-auth-token']])).toEqual([
      ['GET', `/v2.0/ports?name=web&id=${PORT}`, 'tok'],
      ['GET', `/v2.0/ports/${PORT}`, 'tok'],
    ]);
    await expect(ne.getPort('not-a-uuid')).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(2);
  });
});

describe('a teardown in the order the Terraform provider uses, against the stateful mock', () => {
  it('terminate, describe until RECYCLE, release, describe: gone', async () => {
    const mock = await startMock({ api: 'zenlayer', mode: 'stateful', strict: true, transitionMs: 0 });
    cleanup.push(() => mock.close());
    mock.addResources([{ type: 'instance', id: 'i-web', status: 'RUNNING' }]);
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: mock.url });
    await zc.terminateInstance('i-web');
    const recycled = await zc.describeInstances(['i-web']);
    expect(recycled.dataSet.map((i) => [i.instanceId, i.instanceStatus])).toEqual([['i-web', 'RECYCLE']]);
    await zc.releaseInstances(['i-web']);
    const after = await zc.describeInstances(['i-web']);
    // RELEASING, then gone: never a status outside the documented set.
    expect(['RELEASING', undefined]).toContain(after.dataSet[0]?.instanceStatus);
    expect(mock.requests().map((r) => [r.operation, r.status])).toEqual([
      ['TerminateInstance', 200],
      ['DescribeInstances', 200],
      ['ReleaseInstances', 200],
      ['DescribeInstances', 200],
    ]);
  });

  it('Neutron: getPort, deletePort, then getPort is a 404 PortNotFound with its request id', async () => {
    const mock = await startMock({ api: 'neutron', mode: 'stateful', strict: true });
    cleanup.push(() => mock.close());
    mock.addResources([{ id: PORT, name: 'web' }]);
    const ne = createNeutronClient({ baseUrl: mock.url, token: 'tok' });
    await expect(ne.getPort(PORT)).resolves.toMatchObject({ id: PORT, name: 'web' });
    await expect(ne.listPorts({ name: 'web' })).resolves.toHaveLength(1);
    await ne.deletePort(PORT);
    const gone = await ne.getPort(PORT).catch((e: unknown) => e);
    expect(gone).toBeInstanceOf(NeutronApiError);
    expect(gone).toMatchObject({ status: 404, type: 'PortNotFound', operation: 'ShowPort' });
    expect((gone as NeutronApiError).requestId).toMatch(/^req-[0-9a-f-]{36}$/);
    await expect(ne.listPorts({ name: 'web' })).resolves.toEqual([]);
  });
});
