// A seed is held to the spec's schema of each field it will be served as, and to a depth
// limit, through POST /__mock/resources and startMock({ seed }); a refused seed changes nothing,
// and the mock keeps answering its reads.
import { SeedError, type StartMockOptions, startMock } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { MAX_SEED_DEPTH } from '../../src/state/seed.js';
import { control, refusalDetail, stateful, zenlayer } from './support.js';

/** What startMock rejects with for `seed` in a stateful Zenlayer mock ('started' if it starts). */
const startError = (seed: StartMockOptions['seed']) =>
  startMock({ api: 'zenlayer', mode: 'stateful', seed }).then(
    async (mock) => {
      await mock.close();
      return 'started';
    },
    (error: unknown) => error,
  );

const seed = { resources: [{ type: 'instance', id: 'i-keep', status: 'RUNNING' }] };

/** An object nested `levels` deep: { a: { a: … { a: 'x' } } }. */
function nested(levels: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

/**
 * POST /__mock/resources of `resource` with `field` nested 6,000 deep, sent as JSON text (JSON.stringify
 * of 6,000 levels overflows a test worker's stack): the refusal's detail.
 */
async function addDeep(mock: { url: string }, resource: Record<string, unknown>, field: string) {
  const body = JSON.stringify({ resources: [{ ...resource, [field]: '@' }] }).replace(
    '"@"',
    `${'{"a":'.repeat(6000)}"x"${'}'.repeat(6000)}`,
  );
  return refusalDetail(await control(mock, 'POST', 'resources', body), 'control-resources', 'Resources refused');
}
const DEEP_INSTANCE = { type: 'instance', id: 'i-deep', status: 'RUNNING' };

/** The reads a client makes still answer, and the inventory is the seed. */
async function stillServing(mock: { url: string }) {
  const resources = await control(mock, 'GET', 'resources');
  expect([resources.status, resources.body.resources]).toEqual([200, seed.resources]);
  const all = await zenlayer(mock, 'DescribeInstances', {});
  expect([all.status, all.body.response.totalCount]).toEqual([200, 1]);
  const byId = await zenlayer(mock, 'DescribeInstances', { instanceIds: ['i-deep', 'i-keep'] });
  expect(byId.body.response.dataSet).toEqual([
    { instanceId: 'i-keep', instanceName: 'i-keep', instanceStatus: 'RUNNING' },
  ]);
}

describe('a field the spec types otherwise', () => {
  it.each([
    [
      'an instance name that is an object',
      { type: 'instance', id: 'i-1', status: 'RUNNING', name: { first: 'web' } },
      "resources[0].name must be a string, as the spec's InstanceInfo.instanceName (got object)",
    ],
    [
      'a disk name that is a number',
      { type: 'disk', id: 'd-1', status: 'AVAILABLE', name: 5 },
      "resources[0].name must be a string, as the spec's DiskInfo.diskName (got integer)",
    ],
    [
      'a port name that is a list',
      { type: 'port', id: 'p-1', status: 'RUNNING', name: ['a'] },
      "resources[0].name must be a string, as the spec's PortInfo.portName (got array)",
    ],
  ])('%s: a 400 naming the field and the spec’s rule; nothing added', async (_, resource, problem) => {
    const mock = await stateful({ api: 'zenlayer', seed });
    const refused = await control(mock, 'POST', 'resources', { resources: [resource] });
    expect(refusalDetail(refused, 'control-resources', 'Resources refused')).toBe(
      `The seed was refused whole (nothing changed): ${problem}`,
    );
    await stillServing(mock);
  });

  it('refuses it as a startMock seed too, before anything listens', async () => {
    const outcome = await startError({ resources: [{ type: 'instance', id: 'i-1', status: 'RUNNING', name: {} }] });
    expect(outcome).toBeInstanceOf(SeedError);
    expect((outcome as SeedError).problems).toEqual([
      "resources[0].name must be a string, as the spec's InstanceInfo.instanceName (got object)",
    ]);
  });
});

describe('a seed nested 6,000 deep', () => {
  it(`is refused at the depth limit (${MAX_SEED_DEPTH}), naming where; nothing added; the reads still answer`, async () => {
    const mock = await stateful({ api: 'zenlayer', seed });
    const where = `resources[0].name${'.a'.repeat(MAX_SEED_DEPTH - 2)}`;
    expect(await addDeep(mock, DEEP_INSTANCE, 'name')).toBe(
      `The seed was refused whole (nothing changed): ${where} is nested deeper than the seed depth limit (${MAX_SEED_DEPTH} levels)`,
    );
    await stillServing(mock);
  });

  it('under a field no resource has, or in a Neutron seed: refused the same way', async () => {
    const zenlayerMock = await stateful({ api: 'zenlayer', seed });
    expect(await addDeep(zenlayerMock, DEEP_INSTANCE, 'extra')).toContain('seed depth limit');
    await stillServing(zenlayerMock);
    const neutronMock = await stateful({ api: 'neutron' });
    expect(await addDeep(neutronMock, { id: '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11' }, 'trunk_details')).toContain(
      'seed depth limit',
    );
    expect((await control(neutronMock, 'GET', 'resources')).body.resources).toEqual([]);
  });

  it('as a startMock seed: a SeedError naming the depth limit, before anything listens', async () => {
    const error = await startError({
      zenlayer: { resources: [{ type: 'instance', id: 'i-deep', status: 'RUNNING', name: nested(6000) }] },
    });
    expect(error).toBeInstanceOf(SeedError);
    expect((error as SeedError).problems).toEqual([
      `seed.zenlayer.resources[0].name${'.a'.repeat(MAX_SEED_DEPTH - 4)} is nested deeper than the seed depth limit (${MAX_SEED_DEPTH} levels)`,
    ]);
  });
});
