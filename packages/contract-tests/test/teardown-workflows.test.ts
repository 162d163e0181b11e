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
import { killRespectRuns, type RespectRun, respect } from './support/respect.js';

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

/** A workflow run on a fresh mock holding `seed`, `prepare`d. */
interface Case {
  flow: Flow;
  seed: Resource[];
  prepare?: Prepare;
}
/** A case's run, its mock's journal and what is left on that mock. */
type Outcome = Awaited<ReturnType<typeof viaWorkflows>>[number];

/** Runs the cases' workflows in one Respect process, each case on a fresh mock of its own. */
async function viaWorkflows(cases: Case[]) {
  const mocks = await Promise.all(cases.map((c) => freshMock(c.flow.api, c.seed, c.prepare)));
  try {
    const runs = await respect(
      cases.map((c, i) => ({
        workflowId: c.flow.workflowId,
        servers: { [c.flow.api]: mocks[i]!.url },
        inputs: c.flow.inputs,
      })),
    );
    return cases.map((_, i) => ({ run: runs[i]!, journal: mocks[i]!.requests(), left: mocks[i]!.resources() }));
  } finally {
    await Promise.all(mocks.map(stop));
  }
}

/**
 * Cases that one Respect process runs, started by the first test that asks for one of them.
 * Respect takes one server per API, so a process runs at most one Zenlayer and one Neutron case,
 * each on its own mock, and only cases expected to end alike: its exit code speaks for both.
 */
function runTogether(...cases: Case[]): Array<() => Promise<Outcome>> {
  let outcomes: Promise<Outcome[]> | undefined;
  return cases.map((_, i) => async () => {
    outcomes ??= viaWorkflows(cases);
    return (await outcomes)[i]!;
  });
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

const explain = (run: RespectRun) =>
  `respect exited ${run.code}; failed checks: ${run.failedChecks.join(' | ') || 'none'}\n${run.output}`;
const stepIds = (run: RespectRun) =>
  run.steps.map((s) => s.stepId).filter((id, i, all) => i === 0 || id !== all[i - 1]);

const [instanceFlow, diskFlow, portFlow, neutronFlow] = flows as [Flow, Flow, Flow, Flow];
// One run per workflow on its seed, shared by the two tests that read it; the instance's and the
// Neutron port's, both expected to pass, in one process.
const seeded = (flow: Flow): Case => ({ flow, seed: [flow.seed] });
const [instanceSeeded, neutronSeeded] = runTogether(seeded(instanceFlow), seeded(neutronFlow));
const seededRuns = new Map([
  [instanceFlow, instanceSeeded],
  [diskFlow, runTogether(seeded(diskFlow))[0]],
  [portFlow, runTogether(seeded(portFlow))[0]],
  [neutronFlow, neutronSeeded],
]);
const seededRun = (flow: Flow) => seededRuns.get(flow)!();

// Concurrent, every test of the file at once (the package's maxConcurrency): a run spends most of
// its time between polls (2 s apart), and each case has its own mocks.
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

/** The case's workflow run and teardown() on the same seed, each on a mock of its own, at once. */
const bothWays = (c: Case, workflowRun: () => Promise<Outcome> = runTogether(c)[0]!) =>
  Promise.all([workflowRun(), viaClient(c.flow, c.seed, c.prepare)]);

// The instance stays STOPPED whatever is sent: neither on its way to the recycle bin nor in it.
const stuckInstance: Case = {
  flow: instanceFlow,
  seed: [{ type: 'instance', id: 'vm-teardown', status: 'RUNNING' }],
  prepare: (mock) => mock.pin({ type: 'instance', id: 'vm-teardown', status: 'STOPPED' }),
};
// The trunk parent's answer carries trunk_details, which the spec documents: Respect holds
// every answer to the spec's schema, so only the workflow's own criterion may refuse it.
const ownedPort = (change: Partial<Resource>): Case => ({
  flow: neutronFlow,
  seed: [{ ...neutronFlow.seed, ...change } as Resource],
});
const routerPort = ownedPort({ device_owner: 'network:router_interface' });
// Both refused: one process for the stuck instance and the router's port.
const [stuckInstanceRun, routerPortRun] = runTogether(stuckInstance, routerPort);

describe.concurrent('where the workflows and teardown() branch, wait or stop, they do it alike', () => {
  it('an instance already in the recycle bin: no terminate, straight to the release', async () => {
    const [workflow, client] = await bothWays({
      flow: instanceFlow,
      seed: [{ type: 'instance', id: 'vm-teardown', status: 'RECYCLE' }],
    });
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
    const [workflow, client] = await bothWays({
      flow: instanceFlow,
      seed: [instanceFlow.seed],
      prepare: (mock) =>
        mock.fault({ operation: 'DescribeInstances', status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE', times: 1 }),
    });
    const workflowCalls = calls(workflow.journal);
    expect(client.result).toMatchObject({ result: 'gone' });
    expect(collapsed(client.journal)).toEqual(collapsed(workflowCalls));
    expect(workflow.run.code, explain(workflow.run)).toBe(0);
    expect(collapsed(workflowCalls)).toEqual([['DescribeInstances', 503], ...instanceFlow.calls]);
  }, 60_000);

  it('a status outside the provider’s table: the poll fails at once, and nothing is released', async () => {
    const [workflow, client] = await bothWays(stuckInstance, stuckInstanceRun);
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

  it.each([
    ['by a router', routerPort, routerPortRun, 'ServicePortInUse'],
    ['as a trunk parent', ownedPort({ trunk_details: { trunk_id: 'trunk-1' } }), undefined, 'PortInUseAsTrunkParent'],
  ] as const)(
    'a Neutron port owned %s: read, refused, nothing deleted',
    async (_owned, owned, run, code) => {
      const [workflow, client] = await bothWays(owned, run);
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
