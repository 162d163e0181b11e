// The stateful mode answers only what the spec documents: a script that walks every operation
// through its lifecycle rules, and every answer validated against the schema of its status.
import { type StatefulMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, operations, schemaErrors } from './support/spec.js';

const all = [...operations('zenlayer'), ...operations('neutron')];
const portA = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const portB = '0b7c1f9e-2d4a-4c8b-9e6f-3a5d7c9e1b2f';
const portC = '5e1d2c3b-4a59-4687-9a8b-7c6d5e4f3a21';

interface Step {
  api: Api;
  operation: string;
  body?: unknown;
  path?: string;
  method?: string;
  headers?: Record<string, string>;
}
const z = (operation: string, body: unknown): Step => ({ api: 'zenlayer', operation, body });
const n = (operation: string, method: string, path: string, headers: Record<string, string> = {}): Step => ({
  api: 'neutron',
  operation,
  method,
  path,
  headers,
});

// Each rule's refusals and acceptances, in an order that reaches every one of them.
const script: Step[] = [
  z('DescribeInstances', {}),
  z('ReleaseInstances', { instanceIds: ['i-run'] }),
  z('TerminateInstance', { instanceId: 'i-run' }),
  z('TerminateInstance', { instanceId: 'i-run' }),
  z('DescribeInstances', { instanceIds: ['i-run', 'i-nope'] }),
  z('ReleaseInstances', { instanceIds: ['i-run'] }),
  z('ReleaseInstances', { instanceIds: ['i-run'] }),
  z('TerminateInstance', { instanceId: 'i-run' }),
  z('ReleaseDisk', { diskId: 'd-boot' }),
  z('ReleaseDisk', { diskId: 'd-data' }),
  z('DescribeDisks', { diskIds: ['d-data', 'd-boot'] }),
  z('ReleaseDisk', { diskId: 'd-data' }),
  z('ReleaseDisk', { diskId: 'd-data' }),
  z('DescribeDisks', { pageSize: 1, pageNum: 2 }),
  z('DestroyPort', { portId: 'p-run' }),
  z('TerminatePort', { portId: 'p-run' }),
  z('TerminatePort', { portId: 'p-run' }),
  z('DescribePorts', { portIds: ['p-run'] }),
  z('DestroyPort', { portId: 'p-run' }),
  z('DestroyPort', { portId: 'p-run' }),
  z('TerminatePort', { portId: 'p-run' }),
  n('ListApiVersions', 'GET', '/'),
  n('ListApiResources', 'GET', '/v2.0/'),
  n('ListPorts', 'GET', '/v2.0/ports?name=web'),
  n('ListPorts', 'GET', `/v2.0/ports?id=${portA}&id=${portC}`),
  n('ShowPort', 'GET', `/v2.0/ports/${portA}`),
  n('ShowPort', 'GET', `/v2.0/ports/${portC}`),
  n('DeletePort', 'DELETE', `/v2.0/ports/${portA}`, { 'if-match': 'revision_number=1' }),
  n('DeletePort', 'DELETE', `/v2.0/ports/${portA}`),
  n('DeletePort', 'DELETE', `/v2.0/ports/${portA}`),
  n('ShowPort', 'GET', `/v2.0/ports/${portA}`),
  n('DeletePort', 'DELETE', `/v2.0/ports/${portB}`),
  n('DeletePort', 'DELETE', `/v2.0/ports/${portC}`),
  n('DeletePort', 'DELETE', `/v2.0/ports/${portC}`, { 'x-auth-token': 'token-c' }),
  n('ShowPort', 'GET', `/v2.0/ports/${portC}`, { 'x-auth-token': '' }),
];

const mocks: Partial<Record<Api, StatefulMock>> = {};
beforeAll(async () => {
  mocks.zenlayer = await startMock({
    api: 'zenlayer',
    mode: 'stateful',
    strict: true,
    transitionMs: 0,
    seed: {
      resources: [
        { type: 'instance', id: 'i-run', status: 'RUNNING' },
        { type: 'disk', id: 'd-data', status: 'AVAILABLE', diskType: 'DATA' },
        { type: 'disk', id: 'd-boot', status: 'IN_USE', diskType: 'SYSTEM' },
        { type: 'port', id: 'p-run', status: 'RUNNING' },
      ],
    },
  });
  mocks.neutron = await startMock({
    api: 'neutron',
    mode: 'stateful',
    strict: true,
    projects: { 'token-a': 'proj-a', 'token-c': 'proj-c' },
    seed: {
      resources: [
        { id: portA, name: 'web', revision_number: 2, project_id: 'proj-a' },
        { id: portB, name: 'if', device_owner: 'network:router_interface', project_id: 'proj-a' },
        { id: portC, name: 'trunk', trunk_details: { trunk_id: 't-1' }, project_id: 'proj-c' },
      ],
    },
  });
});
afterAll(async () => {
  await Promise.all(Object.values(mocks).map((m) => m?.close()));
});

async function send(step: Step): Promise<{ status: number; body: unknown; headers: Headers }> {
  const mock = mocks[step.api]!;
  const op = all.find((o) => o.operationId === step.operation)!;
  const response =
    step.api === 'zenlayer'
      ? await fetch(`${mock.url}${op.path.split('#')[0]}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer t', ...op.headers },
          body: JSON.stringify(step.body),
        })
      : await fetch(`${mock.url}${step.path}`, {
          method: step.method!,
          headers: { 'x-auth-token': 'token-a', ...step.headers },
        });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

describe('every stateful answer is documented, with a body valid for its status', () => {
  const seen = new Map<string, Set<number>>();
  it.each(script.map((step, i) => ({ ...step, i })))('$i $operation', async (step) => {
    const { status, body, headers } = await send(step);
    const op = all.find((o) => o.operationId === step.operation)!;
    const documented = op.responses.filter((r) => r.status === status);
    expect(documented.length, `${step.operation} does not document ${status}`).toBeGreaterThan(0);
    const pointer = documented[0]!.schemaPointer;
    if (pointer) expect(schemaErrors(step.api, pointer, body)).toEqual([]);
    else expect(body).toBeUndefined();
    if (step.api === 'neutron' && step.path !== '/')
      expect(headers.get('x-openstack-request-id')).toMatch(/^req-[0-9a-f-]{36}$/);
    if (!seen.has(step.operation)) seen.set(step.operation, new Set());
    seen.get(step.operation)!.add(status);
  });

  it('walked every operation, and the refusals the rules make', () => {
    expect([...seen.keys()].sort()).toEqual(all.map((o) => o.operationId).sort());
    expect(Object.fromEntries([...seen].map(([op, statuses]) => [op, [...statuses].sort()]))).toEqual({
      DescribeInstances: [200],
      ReleaseInstances: [200, 403, 404],
      TerminateInstance: [200, 403, 404],
      ReleaseDisk: [200, 400, 404],
      DescribeDisks: [200],
      DestroyPort: [200, 403, 404],
      TerminatePort: [200, 403, 404],
      DescribePorts: [200],
      ListApiVersions: [200],
      ListApiResources: [200],
      ListPorts: [200],
      ShowPort: [200, 401, 404],
      DeletePort: [204, 404, 409, 412],
    });
  });
});
