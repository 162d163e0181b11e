// A seed as startMock({ mode: 'stateful', seed }) checks it: refused whole with a SeedError
// naming every problem (the field, what it may be, what was sent), before anything listens;
// or served as the inventory, with Neutron's defaults filled in.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Api, SeedError, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISK_STATUSES, NEUTRON_PORT_STATUSES, SDN_PORT_STATUSES } from '../../src/state/resources.js';

const NOT_A_SEED = 'a seed must be an object with resources (or zenlayer / neutron)';
const NO_ID = 'resources[0].id must be a non-empty string';
const TRUNK = 'resources[0].trunk_details must be { trunk_id: string }';

const PORT_ID = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const ZENLAYER_FIELDS = 'type, id, status, name, diskType';
const NEUTRON_FIELDS =
  'type, id, name, status, device_owner, revision_number, project_id, device_id, network_id, trunk_details';
const whole = (...problems: string[]) => `The seed was refused whole (nothing changed): ${problems.join('; ')}`;

/** The SeedError startMock refuses this seed with (a mock that starts anyway is closed). */
async function refusal(api: Api, seed: unknown): Promise<SeedError> {
  const outcome = await startMock({ api, mode: 'stateful', seed }).then(
    async (mock) => {
      await mock.close();
      return 'started';
    },
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(SeedError);
  expect((outcome as SeedError).name).toBe('SeedError');
  return outcome as SeedError;
}
const refused = async (api: Api, seed: unknown) => (await refusal(api, seed)).message;
const refusedResources = (api: Api, resources: unknown[]) => refused(api, { resources });

/** The inventory a mock started with this seed serves. */
async function seeded(api: Api, seed: unknown) {
  const mock = await startMock({ api, mode: 'stateful', seed });
  try {
    return mock.resources();
  } finally {
    await mock.close();
  }
}

describe('the shape of a seed', () => {
  it.each([
    ['a list', []],
    ['null', null],
    ['a number', 5],
  ])('%s: must be an object', async (_, seed) => {
    expect(await refused('zenlayer', seed)).toBe(whole(NOT_A_SEED));
  });

  it('an object with neither resources nor a provider', async () => {
    expect(await refused('neutron', { ports: [] })).toBe(
      whole('a seed must have resources, or zenlayer and/or neutron each with resources'),
    );
  });

  it('resources that are not a list', async () => {
    expect(await refused('zenlayer', { resources: { id: 'i-1' } })).toBe(whole('resources must be a list'));
    expect(await refused('neutron', { neutron: { resources: 'none' } })).toBe(whole('resources must be a list'));
  });

  it('a provider part that is not an object', async () => {
    expect(await refused('zenlayer', { zenlayer: [], neutron: {} })).toBe(
      whole('zenlayer must be an object with resources'),
    );
    expect(await refused('neutron', { zenlayer: {}, neutron: 'x' })).toBe(
      whole('neutron must be an object with resources'),
    );
  });

  it('each provider takes its own part; a part without resources, or none, is an empty inventory', async () => {
    const both = {
      zenlayer: { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] },
      neutron: { resources: [{ id: PORT_ID }] },
    };
    expect(await seeded('zenlayer', both)).toEqual([{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }]);
    expect(await seeded('neutron', both)).toMatchObject([{ type: 'port', id: PORT_ID }]);
    expect(await seeded('zenlayer', { zenlayer: {} })).toEqual([]);
    expect(await seeded('neutron', { zenlayer: both.zenlayer })).toEqual([]);
  });

  it('the problem keeps the error’s own properties: the list of problems', async () => {
    const error = await refusal('zenlayer', { resources: [5, { type: 'disk', id: 'd', status: 'GONE' }] });
    expect(error.problems).toEqual([
      'resources[0] must be an object',
      `resources[1].status must be one of the disk statuses ${DISK_STATUSES.join(', ')} (got "GONE")`,
    ]);
  });
});

describe('every resource', () => {
  it.each([
    ['null', null],
    ['a list', [{ id: 'i-1' }]],
    ['a string', 'i-1'],
  ])('%s: must be an object', async (_, resource) => {
    expect(await refusedResources('zenlayer', [resource])).toBe(whole('resources[0] must be an object'));
  });

  it('a field its provider does not have, named with the fields it has', async () => {
    expect(await refusedResources('zenlayer', [{ type: 'disk', id: 'd-1', status: 'AVAILABLE', size: 20 }])).toBe(
      whole(`resources[0].size is not a field of a zenlayer resource (${ZENLAYER_FIELDS})`),
    );
    expect(await refusedResources('neutron', [{ id: PORT_ID, diskType: 'DATA' }])).toBe(
      whole(`resources[0].diskType is not a field of a neutron resource (${NEUTRON_FIELDS})`),
    );
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['a number', 7],
  ])('an id that is %s: must be a non-empty string', async (_, id) => {
    expect(await refusedResources('zenlayer', [{ type: 'instance', id, status: 'RUNNING' }])).toBe(whole(NO_ID));
    const neutron = await refusedResources('neutron', [{ id }]);
    expect(neutron).toBe(id === '' ? whole(NO_ID, 'resources[0].id must be a UUID (got "")') : whole(NO_ID));
  });

  it('an id twice for one type is refused; the same id for two Zenlayer types is not', async () => {
    expect(
      await refusedResources('zenlayer', [
        { type: 'disk', id: 'x-1', status: 'AVAILABLE' },
        { type: 'instance', id: 'x-1', status: 'RUNNING' },
        { type: 'disk', id: 'x-1', status: 'IN_USE' },
      ]),
    ).toBe(whole('resources[2].id x-1 appears twice'));
    expect(await refusedResources('neutron', [{ id: PORT_ID }, { type: 'port', id: PORT_ID }])).toBe(
      whole(`resources[1].id ${PORT_ID} appears twice`),
    );
    expect(
      await seeded('zenlayer', {
        resources: [
          { type: 'disk', id: 'x-1', status: 'AVAILABLE' },
          { type: 'port', id: 'x-1', status: 'RUNNING' },
        ],
      }),
    ).toHaveLength(2);
  });
});

describe('a Zenlayer resource', () => {
  it('a type it does not have', async () => {
    expect(await refusedResources('zenlayer', [{ id: 'v-1', status: 'AVAILABLE' }])).toBe(
      whole('resources[0].type must be one of instance, disk, port (got undefined)'),
    );
    expect(await refusedResources('zenlayer', [{ type: 'volume', id: 'v-1', status: 'AVAILABLE' }])).toBe(
      whole('resources[0].type must be one of instance, disk, port (got "volume")'),
    );
  });

  it('a status its type does not document, with the ones it does', async () => {
    expect(await refusedResources('zenlayer', [{ type: 'port', id: 'p-1' }])).toBe(
      whole(`resources[0].status must be one of the port statuses ${SDN_PORT_STATUSES.join(', ')} (got undefined)`),
    );
  });

  it.each([
    ['on a disk, not SYSTEM or DATA', { type: 'disk', diskType: 'BOOT', status: 'AVAILABLE' }],
    ['on an instance', { type: 'instance', diskType: 'DATA', status: 'RUNNING' }],
    ['on a port', { type: 'port', diskType: 'SYSTEM', status: 'RUNNING' }],
  ])('a diskType %s', async (_, resource) => {
    expect(await refusedResources('zenlayer', [{ id: 'r-1', ...resource }])).toBe(
      whole('resources[0].diskType must be SYSTEM or DATA, on a disk only'),
    );
  });

  it('a disk that is SYSTEM or DATA, or says neither', async () => {
    const resources = [
      { type: 'disk', id: 'd-1', status: 'IN_USE', diskType: 'SYSTEM' },
      { type: 'disk', id: 'd-2', status: 'AVAILABLE', diskType: 'DATA', name: 'data' },
      { type: 'disk', id: 'd-3', status: 'AVAILABLE' },
    ];
    expect(await seeded('zenlayer', { resources })).toEqual(resources);
  });
});

describe('a Neutron port', () => {
  it('a type other than port', async () => {
    expect(await refusedResources('neutron', [{ type: 'instance', id: PORT_ID }])).toBe(
      whole('resources[0].type must be port (got "instance")'),
    );
  });

  it('an id that is not a UUID', async () => {
    expect(await refusedResources('neutron', [{ id: `${PORT_ID}0` }])).toBe(
      whole(`resources[0].id must be a UUID (got "${PORT_ID}0")`),
    );
  });

  it.each(['active', 'DELETED', 7])('status %j: one of Neutron’s', async (status) => {
    expect(await refusedResources('neutron', [{ id: PORT_ID, status }])).toBe(
      whole(`resources[0].status must be one of ${NEUTRON_PORT_STATUSES.join(', ')} (got ${JSON.stringify(status)})`),
    );
  });

  it.each([-1, 1.5, '2'])('revision_number %j: an integer ≥ 0', async (revision) => {
    expect(await refusedResources('neutron', [{ id: PORT_ID, revision_number: revision }])).toBe(
      whole(`resources[0].revision_number must be an integer ≥ 0 (got ${JSON.stringify(revision)})`),
    );
  });

  it.each(['name', 'device_owner', 'project_id', 'device_id', 'network_id'])('%s: a string', async (field) => {
    expect(await refusedResources('neutron', [{ id: PORT_ID, [field]: 1 }])).toBe(
      whole(`resources[0].${field} must be a string`),
    );
  });

  it.each([
    ['a string', 't-1'],
    ['null', null],
    ['without trunk_id', {}],
    ['with a trunk_id that is not a string', { trunk_id: 1 }],
  ])('trunk_details %s: must be { trunk_id: string }', async (_, trunk) => {
    expect(await refusedResources('neutron', [{ id: PORT_ID, trunk_details: trunk }])).toBe(whole(TRUNK));
  });

  it('every field at once, as given; the defaults only where none was', async () => {
    const full = {
      type: 'port',
      id: PORT_ID,
      name: 'web',
      status: 'DOWN',
      device_owner: 'compute:nova',
      revision_number: 0,
      project_id: 'p-1',
      device_id: 'vm-1',
      network_id: 'net-1',
      trunk_details: { trunk_id: 'trunk-1' },
    };
    const upper = '6A2AC9A4-3EE5-4B5E-9C5E-0E7C4F9A8D12';
    expect(await seeded('neutron', { resources: [full, { id: upper }] })).toEqual([
      full,
      { type: 'port', id: upper, name: '', status: 'ACTIVE', device_owner: '', revision_number: 1 },
    ]);
  });

  it('lists each problem of a port in order', async () => {
    expect(
      await refusedResources('neutron', [
        { type: 'disk', id: 'p', status: 'UP', revision_number: -2, name: 5, trunk_details: {}, colour: 'red' },
      ]),
    ).toBe(
      whole(
        `resources[0].colour is not a field of a neutron resource (${NEUTRON_FIELDS})`,
        'resources[0].type must be port (got "disk")',
        'resources[0].id must be a UUID (got "p")',
        `resources[0].status must be one of ${NEUTRON_PORT_STATUSES.join(', ')} (got "UP")`,
        'resources[0].revision_number must be an integer ≥ 0 (got -2)',
        'resources[0].name must be a string',
        TRUNK,
      ),
    );
  });
});

describe('a seed file', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'seed-checks-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('that cannot be read: its path and why', async () => {
    const file = join(dir, 'missing.yaml');
    expect(await refused('zenlayer', file)).toMatch(
      new RegExp(`^${whole(`cannot read ${file}: ENOENT`).replace(/[()]/g, '\\$&')}: no such file`),
    );
  });

  it('that holds no object', async () => {
    const file = join(dir, 'text.yaml');
    await writeFile(file, 'just some text\n');
    expect(await refused('zenlayer', file)).toBe(whole(NOT_A_SEED));
  });

  it('that is not YAML: its path and the first line of the parser’s reason', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, 'resources: [ { id: i-1\n');
    const message = await refused('zenlayer', file);
    expect(message.startsWith(whole(`${file} is not valid YAML or JSON: `))).toBe(true);
    const reason = message.slice(whole(`${file} is not valid YAML or JSON: `).length);
    // The parser's first line, naming where; not the excerpt of the file it goes on with.
    expect(reason).toMatch(/^Flow map in block collection .+ at line 2, column 1:$/);
  });

  it('in JSON, with the problems of its resources', async () => {
    const file = join(dir, 'seed.json');
    await writeFile(file, JSON.stringify({ resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] }));
    expect(await seeded('zenlayer', file)).toEqual([{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }]);
    await writeFile(file, JSON.stringify({ resources: [{ type: 'disk', id: 'd-1' }] }));
    expect(await refused('zenlayer', file)).toBe(
      whole(`resources[0].status must be one of the disk statuses ${DISK_STATUSES.join(', ')} (got undefined)`),
    );
  });
});
