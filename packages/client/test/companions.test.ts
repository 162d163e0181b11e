// The reads and moves around a release: on the wire as the official clients send them (action,
// service, body), the subject their errors name, their paging and id refusals (field, rule),
// and a whole Terraform-ordered teardown against the stateful mock.
import { startMock } from '@cloud-release/mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, NeutronApiError, ValidationError } from '../src/index.js';
import type { Reply } from './support/capture-server.js';
import { type CaptureServer, startCaptureServer } from './support/capture-server.js';
import { messages } from './support/messages.js';
import { refusedUnsentRow } from './support/refused-row.js';
import { serverPerTest } from './support/server-per-test.js';

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
    [[], messages.refused('instanceIds', 'contain at least 1 id', '0')],
    [Array.from({ length: 101 }, (_, i) => `i-${i}`), messages.refused('instanceIds', 'have at most 100 ids', '101')],
  ])('refuses %j ids before sending', async (ids, message) => {
    const server = await capture({});
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc.describeInstances(ids)).rejects.toThrow(message);
    expect(server.requests).toEqual([]);
  });

  it.each([
    [{ pageSize: 0 }, messages.refused('pageSize', 'be an integer 1..1000', '0')],
    [{ pageSize: 1001 }, messages.refused('pageSize', 'be an integer 1..1000', '1001')],
    [{ pageNum: 0 }, messages.refused('pageNum', 'be an integer ≥ 1', '0')],
    [{ pageNum: 1.5 }, messages.refused('pageNum', 'be an integer ≥ 1', '1.5')],
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

// What a caller is told when a read or a move goes wrong: the operation, what it was about and
// which ids, so that a teardown's log says which resource the unknown outcome concerns.
describe('the account of a failed read or move', () => {
  async function answering(answer: (path: string) => { status: number; body?: unknown; raw?: string }) {
    const server = await startCaptureServer((r) => answer(r.path));
    cleanup.push(() => server.close());
    return server;
  }

  it('getPort: a 200 without the port is an unknown outcome naming the port, not a port', async () => {
    const server = await answering(() => ({ status: 200, body: { ports: [] } }));
    const ne = createNeutronClient({ baseUrl: server.url, token: 'tok' });
    await expect(ne.getPort(PORT)).rejects.toMatchObject({
      name: 'OutcomeUnknownError',
      operation: 'ShowPort',
      ids: [PORT],
      message: messages.unexpectedAnswer(`ShowPort port ${PORT}`, 200, '{"port": {…}}'),
    });
  });

  it('listPorts: a 200 without the list is an unknown outcome about no id in particular', async () => {
    const server = await answering(() => ({ status: 200, body: { port: [] } }));
    const ne = createNeutronClient({ baseUrl: server.url, token: 'tok' });
    await expect(ne.listPorts()).rejects.toMatchObject({
      name: 'OutcomeUnknownError',
      operation: 'ListPorts',
      ids: [],
      message: messages.unexpectedAnswer('ListPorts ports', 200, '{"ports": […]}'),
    });
  });

  it('listPorts: a refusal is the API error with its status, not an unexpected answer', async () => {
    const server = await answering(() => ({ status: 401, body: { error: { code: 401, title: 'Unauthorized' } } }));
    const ne = createNeutronClient({ baseUrl: server.url, token: 'tok' });
    const error = await ne.listPorts({ name: 'web' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeutronApiError);
    expect(error).toMatchObject({ status: 401, operation: 'ListPorts' });
  });

  it('listPorts: one id as a string is one id filter; no name filter is sent when none is given', async () => {
    const server = await answering(() => ({ status: 200, body: { ports: [] } }));
    const ne = createNeutronClient({ baseUrl: server.url, token: 'tok' });
    await expect(ne.listPorts({ id: PORT })).resolves.toEqual([]);
    expect(server.requests.map((r) => r.path)).toEqual([`/v2.0/ports?id=${PORT}`]);
  });

  it('listPorts: a name that is not a string is refused, naming the field, and nothing is sent', async () => {
    const server = await answering(() => ({ status: 200, body: { ports: [] } }));
    const ne = createNeutronClient({ baseUrl: server.url, token: 'tok' });
    const error = await ne.listPorts({ name: 3 as unknown as string }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'name', message: messages.refusedUnsent('name', 'be a string', 'number') });
    expect(server.requests).toEqual([]);
  });

  it.each([
    ['terminateInstance', 'i-1', 'TerminateInstance instance i-1', ['i-1']],
    ['terminatePort', 'p-1', 'TerminatePort port p-1', ['p-1']],
  ] as const)('%s: an answer that is not the envelope names the resource and its id', async (method, id, head, ids) => {
    const server = await answering(() => ({ status: 200, raw: '<html>maintenance</html>' }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
    await expect(zc[method](id)).rejects.toMatchObject({
      outcome: 'unknown',
      ids,
      message: messages.unexpectedAnswer(head, 200, 'the documented envelope'),
    });
  });

  it('describeInstances: an answer that is not the envelope names how many instances it was about', async () => {
    const server = await answering(() => ({ status: 200, raw: '<html>maintenance</html>' }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
    await expect(zc.describeInstances(['i-1', 'i-2'])).rejects.toMatchObject({
      ids: ['i-1', 'i-2'],
      message: messages.unexpectedAnswer('DescribeInstances 2 instances', 200, 'the documented envelope'),
    });
  });

  it.each([
    [
      'describeInstances',
      (zc: ReturnType<typeof createZenlayerClient>, signal: AbortSignal) => zc.describeInstances(['i-1'], { signal }),
    ],
    [
      'terminateInstance',
      (zc: ReturnType<typeof createZenlayerClient>, signal: AbortSignal) => zc.terminateInstance('i-1', { signal }),
    ],
  ] as const)('%s: an aborted signal stops it before anything is sent', async (_, call) => {
    const server = await answering(() => ({ status: 200, body: {} }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(call(zc, AbortSignal.abort())).rejects.toThrow();
    expect(server.requests).toEqual([]);
  });

  it('accepts paging and id counts at their limits: pageSize 1 and 1000, pageNum 1, 100 ids', async () => {
    const none = { requestId: 'T', totalCount: 0, dataSet: [] };
    const server = await answering(() => ({ status: 200, body: { requestId: 'T', response: none } }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    const hundred = Array.from({ length: 100 }, (_, i) => `i-${i}`);
    await zc.describeInstances(['i-1'], { pageSize: 1, pageNum: 1 });
    await zc.describeInstances(hundred, { pageSize: 1000 });
    expect(server.requests.map((r) => r.json)).toEqual([
      { instanceIds: ['i-1'], pageSize: 1, pageNum: 1 },
      { instanceIds: hundred, pageSize: 1000 },
    ]);
  });

  it('refuses a pageNum past the safe integers (2^53), which would not arrive as sent', async () => {
    const server = await answering(() => ({ status: 200, body: {} }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc.describeDisks(['d-1'], { pageNum: 2 ** 53 })).rejects.toThrow(
      messages.refusedUnsent('pageNum', 'be an integer ≥ 1', '9007199254740992'),
    );
    expect(server.requests).toEqual([]);
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

describe('a companion’s answer', () => {
  const servers = serverPerTest();

  it.each([
    ['a string', 'done'],
    ['null', null],
    ['absent', undefined],
  ])('an envelope whose response is %s answers the request id alone', async (_, response) => {
    const server = await servers.start(() => ({ status: 200, body: { requestId: 'T-1', response } }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc.terminateInstance('i-1')).resolves.toEqual({ requestId: 'T-1' });
  });

  it('the envelope’s requestId is the one answered, whatever the response says', async () => {
    const item = { instanceId: 'i-1', instanceStatus: 'RUNNING' };
    const server = await servers.start(() => ({
      status: 200,
      body: { requestId: 'T-outer', response: { requestId: 'T-inner', totalCount: 1, dataSet: [item] } },
    }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc.describeInstances(['i-1'])).resolves.toEqual({
      requestId: 'T-outer',
      totalCount: 1,
      dataSet: [item],
    });
  });
});

const servers = serverPerTest();

async function client(reply: Reply) {
  const server = await servers.start(() => reply);
  return createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
}
const listed = { status: 200, body: { requestId: 'T-L', response: { totalCount: 0, dataSet: [] } } };

describe('DescribeDisks and DescribePorts on the wire', () => {
  it.each([
    ['describeDisks', '/api/v2/zec', 'DescribeDisks', 'zec', 'diskIds'],
    ['describePorts', '/api/v2/sdn', 'DescribePorts', 'sdn', 'portIds'],
  ] as const)('%s posts its ids and paging to %s', async (method, path, action, service, field) => {
    const zc = await client(listed);
    await expect(zc[method](['x-1', 'x-2'], { pageSize: 5, pageNum: 2 })).resolves.toEqual({
      requestId: 'T-L',
      totalCount: 0,
      dataSet: [],
    });
    expect(
      servers.server.requests.map((r) => [
        r.method,
        r.path,
        r.headers['x-zc-action'],
        r.headers['x-zc-service'],
        r.json,
      ]),
    ).toEqual([['POST', path, action, service, { [field]: ['x-1', 'x-2'], pageSize: 5, pageNum: 2 }]]);
  });

  it.each([
    ['describeDisks', 'DescribeDisks 1 disks'],
    ['describePorts', 'DescribePorts 3 ports'],
  ] as const)('%s: an answer that is not the envelope names how many it was about', async (method, head) => {
    const zc = await client({ status: 200, raw: '<html>' });
    const ids = method === 'describeDisks' ? ['d-1'] : ['p-1', 'p-2', 'p-3'];
    await expect(zc[method](ids)).rejects.toMatchObject({
      ids,
      message: messages.unexpectedAnswer(head, 200, 'the documented envelope'),
    });
  });
});

describe('refusals before sending', () => {
  it.each([
    refusedUnsentRow({ pageSize: 1001 }, 'pageSize', 'an integer 1..1000', '1001'),
    refusedUnsentRow({ pageSize: '10' }, 'pageSize', 'an integer 1..1000', '"10"'),
    refusedUnsentRow({ pageNum: 0 }, 'pageNum', 'an integer ≥ 1', '0'),
    refusedUnsentRow({ pageNum: Number.NaN }, 'pageNum', 'an integer ≥ 1', 'NaN'),
  ])('paging %j: the field and its rule', async (page, field, limit, message) => {
    const zc = await client(listed);
    const error = await zc.describeDisks(['d-1'], page as object).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, limit, message, outcome: 'not-sent' });
    expect(servers.server.requests).toEqual([]);
  });

  it('101 port ids: the field and the limit of 100', async () => {
    const zc = await client(listed);
    const ids = Array.from({ length: 101 }, (_, i) => `p-${i}`);
    const error = await zc.describePorts(ids).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ValidationError',
      field: 'portIds',
      limit: 'at most 100 ids',
      message: messages.refusedUnsent('portIds', 'have at most 100 ids', '101'),
    });
    expect(servers.server.requests).toEqual([]);
  });

  it('a blank id to move: the field, and nothing sent', async () => {
    const zc = await client(listed);
    await expect(zc.terminatePort(' ')).rejects.toMatchObject({ field: 'portId', limit: 'a non-empty string' });
    await expect(zc.terminateInstance('')).rejects.toMatchObject({ field: 'instanceId' });
    expect(servers.server.requests).toEqual([]);
  });
});
