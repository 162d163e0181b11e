// The teardown flows written in the spec (spec/teardown.arazzo.yaml), run by the real
// `redocly respect` against the stateful mock, and held to the client's teardown(): for the
// same seed, both make the same calls in the same order, as the mock's journal records them.
import {
  createNeutronClient,
  createZenlayerClient,
  type TeardownResource,
  type TeardownResult,
  teardown,
} from '@cloud-release/client';
import { type Resource, type StatefulMock, startMock } from '@cloud-release/mock';
import { afterAll, describe, expect, it } from 'vitest';
import { killRespectRuns, respect } from './support/respect.js';

const zenlayerToken = 'workflow-zenlayer-token';
const neutronToken = 'workflow-keystone-token';
const portUuid = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

const running = new Set<StatefulMock>();
afterAll(async () => {
  killRespectRuns();
  await Promise.all([...running].map((mock) => mock.close()));
});

/**
 * A fresh stateful mock holding only the seed. 300 ms transitions: long enough that the first
 * poll after a terminate or a release finds the resource on its way (the polls' retry path
 * runs), short enough for a test.
 */
async function freshMock(
  api: 'zenlayer' | 'neutron',
  seed: Resource[],
  prepare: Prepare = () => undefined,
): Promise<StatefulMock> {
  const mock = await startMock({
    api,
    mode: 'stateful',
    strict: true,
    transitionMs: 300,
    seed: { resources: seed },
    ...(api === 'zenlayer' ? { bearerTokens: [zenlayerToken] } : { projects: { [neutronToken]: 'project-a' } }),
  });
  running.add(mock);
  prepare(mock);
  return mock;
}
/** What a test does to a fresh mock before the run: a fault, a pinned status. */
type Prepare = (mock: StatefulMock) => void;
async function stop(mock: StatefulMock) {
  running.delete(mock);
  await mock.close();
}

type Call = [operation: string | null, status: number | null];
/** A journal's calls: each line's operation and status. */
const calls = (journal: ReturnType<StatefulMock['requests']>): Call[] =>
  journal.map((line) => [line.operation, line.status]);
/**
 * The calls with consecutive repeats of one call collapsed: a poll is retried as often as its
 * waiter needs (Respect every 2 s, teardown() backing off from its own minimum), so the two
 * journals agree on which calls come in which order, not on how many polls each took.
 */
const collapsed = (list: Call[]): Call[] =>
  list.filter((call, i) => i === 0 || call[0] !== list[i - 1]![0] || call[1] !== list[i - 1]![1]);

/** Runs the workflow on a fresh mock holding `seed`, `prepare`d; the run, the journal and what is left. */
async function viaWorkflow(flow: Flow, seed: Resource[], prepare?: Prepare) {
  const mock = await freshMock(flow.api, seed, prepare);
  try {
    const run = await respect(flow.workflowId, { [flow.api]: mock.url }, flow.inputs);
    return { run, journal: mock.requests(), left: mock.resources() };
  } finally {
    await stop(mock);
  }
}

/** Runs teardown() on a fresh mock holding `seed`, `prepare`d; its result and the journal. */
async function viaClient(
  flow: Flow,
  seed: Resource[],
  prepare?: Prepare,
): Promise<{ result: TeardownResult; journal: Call[] }> {
  const mock = await freshMock(flow.api, seed, prepare);
  try {
    const quick = { minDelayMs: 50, maxDelayMs: 200, maxWaitMs: 20_000 };
    const [result] = await teardown({
      ...(flow.api === 'zenlayer'
        ? { zenlayer: createZenlayerClient({ baseUrl: mock.url, bearerToken: zenlayerToken }) }
        : { neutron: createNeutronClient({ baseUrl: mock.url, token: neutronToken }) }),
      resources: [flow.resource],
      options: { zenlayerWait: quick, neutronWait: quick },
    });
    return { result: result!, journal: calls(mock.requests()) };
  } finally {
    await stop(mock);
  }
}

interface Flow {
  workflowId: string;
  api: 'zenlayer' | 'neutron';
  resource: TeardownResource;
  inputs: Record<string, string>;
  /** The resource in its working status. */
  seed: Resource;
  /** The steps the workflow runs, retries collapsed. */
  steps: string[];
  /** The calls, consecutive polls collapsed. */
  calls: Call[];
}

const zenlayerFlow = (
  type: 'instance' | 'disk' | 'port',
  id: string,
  seed: Resource,
  ops: [string, string, string],
) => {
  const [read, terminate, release] = ops;
  const idInput = { instance: 'instanceId', disk: 'diskId', port: 'portId' }[type];
  return {
    workflowId: `zenlayer-${type}-teardown`,
    api: 'zenlayer',
    resource: { provider: 'zenlayer', type, id },
    inputs: { [idInput]: id, zenlayerToken },
    seed,
    steps: ['read', 'terminate', 'wait-recycle-bin', 'release', 'wait-gone'],
    calls: [
      [read, 200],
      [terminate, 200],
      [read, 200],
      [release, 200],
      [read, 200],
    ],
  } satisfies Flow;
};

const flows: Flow[] = [
  zenlayerFlow('instance', 'vm-teardown', { type: 'instance', id: 'vm-teardown', status: 'RUNNING' }, [
    'DescribeInstances',
    'TerminateInstance',
    'ReleaseInstances',
  ]),
  // A ZEC disk's first ReleaseDisk is its terminate (into the recycle bin); the second destroys it.
  zenlayerFlow('disk', 'disk-teardown', { type: 'disk', id: 'disk-teardown', status: 'AVAILABLE', diskType: 'DATA' }, [
    'DescribeDisks',
    'ReleaseDisk',
    'ReleaseDisk',
  ]),
  zenlayerFlow('port', 'port-teardown', { type: 'port', id: 'port-teardown', status: 'RUNNING' }, [
    'DescribePorts',
    'TerminatePort',
    'DestroyPort',
  ]),
  {
    workflowId: 'neutron-port-teardown',
    api: 'neutron',
    resource: { provider: 'neutron', type: 'neutron-port', id: portUuid },
    inputs: { portId: portUuid, neutronToken },
    seed: {
      type: 'port',
      id: portUuid,
      name: 'web-1-port',
      status: 'ACTIVE',
      device_owner: 'compute:nova',
      revision_number: 4,
      project_id: 'project-a',
    },
    steps: ['read', 'delete', 'confirm-gone'],
    calls: [
      ['ShowPort', 200],
      ['DeletePort', 204],
      ['ShowPort', 404],
    ],
  },
];

const explain = (run: Awaited<ReturnType<typeof respect>>) =>
  `respect exited ${run.code}; failed checks: ${run.failedChecks.join(' | ') || 'none'}\n${run.output}`;
const stepIds = (run: Awaited<ReturnType<typeof respect>>) =>
  run.steps.map((s) => s.stepId).filter((id, i, all) => i === 0 || id !== all[i - 1]);

// One Respect run per workflow, shared by the two tests that read it.
const seededRuns = new Map<string, ReturnType<typeof viaWorkflow>>();
const seededRun = (flow: Flow) => {
  if (!seededRuns.has(flow.workflowId)) seededRuns.set(flow.workflowId, viaWorkflow(flow, [flow.seed]));
  return seededRuns.get(flow.workflowId)!;
};

// Concurrent: a run spends most of its time between polls (2 s apart), and each has its own mocks.
describe.concurrent.each(flows)('the $workflowId workflow', (flow) => {
  it('passes under redocly respect, every answer checked against the spec, and leaves nothing', async () => {
    const { run, journal, left } = await seededRun(flow);
    expect(run.code, explain(run)).toBe(0);
    expect(stepIds(run)).toEqual(flow.steps);
    expect(collapsed(calls(journal))).toEqual(flow.calls);
    // Every call named the resource, and nothing else.
    for (const line of journal) expect(line.ids).toEqual([flow.resource.id]);
    expect(left).toEqual([]);
  }, 60_000);

  it('makes the calls teardown() makes, in the same order', async () => {
    const [workflow, client] = await Promise.all([seededRun(flow), viaClient(flow, [flow.seed])]);
    expect(workflow.run.code, explain(workflow.run)).toBe(0);
    expect(client.result).toMatchObject({ result: 'gone' });
    expect(collapsed(calls(workflow.journal))).toEqual(collapsed(client.journal));
  }, 60_000);
});

describe.concurrent('where the workflows and teardown() branch, wait or stop, they do it alike', () => {
  it('an instance already in the recycle bin: no terminate, straight to the release', async () => {
    const flow = flows[0]!;
    const seed: Resource[] = [{ type: 'instance', id: 'vm-teardown', status: 'RECYCLE' }];
    const workflow = await viaWorkflow(flow, seed);
    const client = await viaClient(flow, seed);
    expect(workflow.run.code, explain(workflow.run)).toBe(0);
    expect(stepIds(workflow.run)).toEqual(['read', 'release', 'wait-gone']);
    expect(client.result).toMatchObject({ result: 'gone' });
    const expected: Call[] = [
      ['DescribeInstances', 200],
      ['ReleaseInstances', 200],
      ['DescribeInstances', 200],
    ];
    expect(collapsed(calls(workflow.journal))).toEqual(expected);
    expect(collapsed(client.journal)).toEqual(expected);
  }, 60_000);

  it('a 503 on the first read: both read again, then carry on', async () => {
    const flow = flows[0]!;
    const fault: Prepare = (mock) =>
      mock.fault({ operation: 'DescribeInstances', status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE', times: 1 });
    const workflow = await viaWorkflow(flow, [flow.seed], fault);
    const client = await viaClient(flow, [flow.seed], fault);
    const workflowCalls = calls(workflow.journal);
    expect(client.result).toMatchObject({ result: 'gone' });
    expect(collapsed(client.journal)).toEqual(collapsed(workflowCalls));
    expect(workflow.run.code, explain(workflow.run)).toBe(0);
    expect(collapsed(workflowCalls)).toEqual([['DescribeInstances', 503], ...flow.calls]);
  }, 60_000);

  it('a status outside the provider’s table: the poll fails at once, and nothing is released', async () => {
    const flow = flows[0]!;
    const seed: Resource[] = [{ type: 'instance', id: 'vm-teardown', status: 'RUNNING' }];
    // The instance stays STOPPED whatever is sent: neither on its way to the recycle bin nor in it.
    const stuck: Prepare = (mock) => mock.pin({ type: 'instance', id: 'vm-teardown', status: 'STOPPED' });
    const workflow = await viaWorkflow(flow, seed, stuck);
    const client = await viaClient(flow, seed, stuck);
    const workflowCalls = calls(workflow.journal);
    expect(collapsed(client.journal)).toEqual(collapsed(workflowCalls));
    expect(workflow.run.code).toBe(1);
    // One poll only: the workflow retries only statuses on the way, as the client's acceptors do.
    expect(workflow.run.steps).toEqual([
      { stepId: 'read', passed: true },
      { stepId: 'terminate', passed: true },
      { stepId: 'wait-recycle-bin', passed: false },
    ]);
    expect(client.result).toMatchObject({ result: 'refused', step: 'wait-recycle-bin', code: 'UNEXPECTED_STATUS' });
    expect(workflowCalls).toEqual([
      ['DescribeInstances', 200],
      ['TerminateInstance', 200],
      ['DescribeInstances', 200],
    ]);
  }, 60_000);

  // The trunk parent's answer carries trunk_details, which the spec documents: Respect holds
  // every answer to the spec's schema, so only the workflow's own criterion may refuse it.
  it.each([
    ['by a router', { device_owner: 'network:router_interface' }, 'ServicePortInUse'],
    ['as a trunk parent', { trunk_details: { trunk_id: 'trunk-1' } }, 'PortInUseAsTrunkParent'],
  ] as const)(
    'a Neutron port owned %s: read, refused, nothing deleted',
    async (_owned, change, code) => {
      const flow = flows[3]!;
      const seed = [{ ...flow.seed, ...change } as Resource];
      const workflow = await viaWorkflow(flow, seed);
      const client = await viaClient(flow, seed);
      expect(workflow.run.code).toBe(1);
      expect(workflow.run.steps).toEqual([{ stepId: 'read', passed: false }]);
      expect(workflow.run.failedChecks.length).toBeGreaterThan(0);
      for (const check of workflow.run.failedChecks) expect(check).toMatch(/^read: success criteria check: /);
      expect(client.result).toMatchObject({ result: 'refused', code });
      expect(calls(workflow.journal)).toEqual([['ShowPort', 200]]);
      expect(client.journal).toEqual([['ShowPort', 200]]);
      expect(workflow.left).toHaveLength(1);
    },
    60_000,
  );
});
