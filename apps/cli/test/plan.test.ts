// `cloud-release plan`: reads only, writes a plan file (0600, never through a link) with the
// endpoints, what was seen of each resource, its steps or why it is refused or protected, and
// a digest; exit 0 whatever it refuses.
import { lstatSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runMain } from './support/harness.js';
import {
  DB_PORT,
  neutronMock,
  operations,
  planOn,
  ROUTER_PORT,
  tempDir,
  WEB_PORT,
  zenlayerMock,
} from './support/teardown.js';

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

describe('plan on Zenlayer', () => {
  it('reads each resource once, sends nothing that changes state, and writes the steps each needs', async () => {
    const mock = await zenlayerMock([
      { type: 'instance', id: 'i-run', status: 'RUNNING', name: 'web-a' },
      { type: 'instance', id: 'i-bin', status: 'RECYCLE' },
      { type: 'disk', id: 'd-1', status: 'AVAILABLE', diskType: 'DATA' },
      { type: 'port', id: 'p-1', status: 'RECYCLED' },
    ]);
    const flags = ['--instances', 'i-run,i-bin', '--instances', 'i-none', '--disks', 'd-1', '--ports', 'p-1'];
    const { run, out } = await planOn(mock, flags);
    expect(operations(mock)).toEqual(['DescribeInstances', 'DescribeDisks', 'DescribePorts']);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const plan = readJson(out);
    expect(plan.endpoints).toEqual({ zenlayer: mock.url });
    expect(plan.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(
      plan.resources.map((r: Record<string, unknown>) => [r.type, r.id, r.name, r.status, r.action, r.steps]),
    ).toEqual([
      ['instance', 'i-run', 'web-a', 'RUNNING', 'destroy', ['terminate', 'wait-recycle-bin', 'release', 'wait-gone']],
      ['instance', 'i-bin', 'i-bin', 'RECYCLE', 'destroy', ['release', 'wait-gone']],
      ['instance', 'i-none', undefined, null, 'already-gone', []],
      ['disk', 'd-1', 'd-1', 'AVAILABLE', 'destroy', ['terminate', 'wait-recycle-bin', 'release', 'wait-gone']],
      ['port', 'p-1', 'p-1', 'RECYCLED', 'destroy', ['release', 'wait-gone']],
    ]);
    expect(run.stdout).toMatch(
      /^instance +i-run +web-a +RUNNING +terminate → wait-recycle-bin → release → wait-gone$/m,
    );
    expect(run.stdout).toContain('4 resources to destroy, 0 refused, 0 protected, 1 already gone.');
  });

  it('lists a system disk as refused (ReleaseDisk refuses a boot disk) with what to do instead; reads only', async () => {
    const mock = await zenlayerMock([
      { type: 'disk', id: 'd-boot', status: 'IN_USE', diskType: 'SYSTEM' },
      { type: 'disk', id: 'd-data', status: 'IN_USE', diskType: 'DATA' },
    ]);
    const { out } = await planOn(mock, ['--disks', 'd-boot,d-data']);
    expect(operations(mock)).toEqual(['DescribeDisks']);
    const [boot, data] = readJson(out).resources;
    expect(boot).toMatchObject({
      id: 'd-boot',
      action: 'refused',
      steps: [],
      code: 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE',
      instead: expect.stringContaining('instance'),
    });
    expect(data).toMatchObject({ id: 'd-data', action: 'destroy' });
  });

  it('lists what --protect matches (by id or by name) as protected, with no steps', async () => {
    const mock = await zenlayerMock([
      { type: 'instance', id: 'i-1', status: 'RUNNING', name: 'prod-db' },
      { type: 'instance', id: 'i-keep', status: 'RUNNING' },
      { type: 'instance', id: 'i-2', status: 'RUNNING' },
    ]);
    const dir = tempDir();
    writeFileSync(join(dir, 'ids.txt'), '# to go\ninstance i-1\ninstance i-keep\ninstance i-2\n');
    const { run, out } = await planOn(
      mock,
      ['--ids-file', 'ids.txt', '--protect', 'prod-*', '--protect', '*-keep', '--json'],
      dir,
    );
    const plan = JSON.parse(run.stdout);
    expect(plan).toEqual(readJson(out));
    expect(plan.resources.map((r: Record<string, unknown>) => [r.id, r.action, r.protectedBy])).toEqual([
      ['i-1', 'protected', 'prod-*'],
      ['i-keep', 'protected', '*-keep'],
      ['i-2', 'destroy', undefined],
    ]);
  });
});

describe('plan on Neutron', () => {
  it('records each port’s revision and owner, and refuses a router interface with what to do instead', async () => {
    const mock = await neutronMock([
      { id: WEB_PORT, name: 'web-1', device_owner: 'compute:nova', revision_number: 3 },
      { id: ROUTER_PORT, name: 'router-if', device_owner: 'network:router_interface', device_id: 'r-1' },
    ]);
    const { out } = await planOn(mock, ['--neutron-ports', `${WEB_PORT},${ROUTER_PORT}`, '--neutron-ports', DB_PORT]);
    expect(mock.requests().every((r) => r.method === 'GET')).toBe(true);
    const [web, router, db] = readJson(out).resources;
    expect(web).toMatchObject({
      provider: 'neutron',
      type: 'neutron-port',
      name: 'web-1',
      revision: 3,
      owner: 'compute:nova',
      action: 'destroy',
      steps: ['delete', 'wait-gone'],
    });
    expect(router).toMatchObject({
      action: 'refused',
      code: 'ServicePortInUse',
      owner: 'network:router_interface',
      steps: [],
    });
    expect(router.instead).toContain('openstack router remove port r-1');
    expect(db).toMatchObject({ status: null, action: 'already-gone' });
  });
});

describe('plan input', () => {
  it('without --out, or without resources, is a usage error (exit 2) and reads nothing', async () => {
    const mock = await zenlayerMock([]);
    expect((await runMain(['plan', '--zenlayer-endpoint', mock.url, '--instances', 'i-1'])).code).toBe(2);
    const none = await runMain(['plan', '--zenlayer-endpoint', mock.url, '--out', join(tempDir(), 'p.json')]);
    expect(none.code).toBe(2);
    expect(mock.requests()).toEqual([]);
  });

  it('an --ids-file line without a known type is refused naming the entry', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ids.txt'), 'instance i-1\nvolume v-1\n');
    const run = await runMain(['plan', '--ids-file', 'ids.txt', '--out', 'p.json', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toContain('entry 2');
  });

  it('a Neutron port id that is not a UUID is refused before anything is read (exit 2)', async () => {
    const mock = await neutronMock([]);
    const run = await runMain([
      'plan',
      '--neutron-endpoint',
      mock.url,
      '--neutron-ports',
      'web-1',
      '--out',
      join(tempDir(), 'p.json'),
    ]);
    expect(run.code).toBe(2);
    expect(mock.requests()).toEqual([]);
  });

  it('replaces a symbolic link at --out instead of writing through it', async () => {
    const mock = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    const dir = tempDir();
    writeFileSync(join(dir, 'victim'), 'keep me');
    symlinkSync(join(dir, 'victim'), join(dir, 'plan.json'));
    const run = await runMain(['plan', '--zenlayer-endpoint', mock.url, '--instances', 'i-1', '--out', 'plan.json'], {
      cwd: dir,
    });
    expect(run.code).toBe(0);
    expect(readFileSync(join(dir, 'victim'), 'utf8')).toBe('keep me');
    expect(lstatSync(join(dir, 'plan.json')).isSymbolicLink()).toBe(false);
  });
});
