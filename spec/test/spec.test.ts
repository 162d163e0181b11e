// The specs are the source of truth: they must lint clean and keep their documented decisions.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';

const here = fileURLToPath(new URL('..', import.meta.url));
const load = async (name: string) => parse(await readFile(`${here}/${name}`, 'utf8'));

describe.each(['zenlayer.yaml', 'neutron.yaml'])('%s', (name) => {
  it('lints with zero errors and zero warnings (recommended-strict, examples validated)', () => {
    const report = inject('lint')[name];
    expect(report?.problems).toEqual([]);
    expect(report?.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('stays OpenAPI 3.0.x (openapi-generator 5.0.0-beta2 reads nothing newer)', async () => {
    expect((await load(name)).openapi).toMatch(/^3\.0\.\d+$/);
  });
});

describe('zenlayer.yaml decisions', () => {
  it('answers DestroyPort’s documented "HTTP status 7105" with 404 and keeps 7105 in an extension', async () => {
    const spec = await load('zenlayer.yaml');
    const op = spec.paths['/api/v2/sdn'].post;
    expect(op.responses['7105']).toBeUndefined();
    const example = op.responses['404'].content['application/json'].examples.SELF_SERVICE_PORT_NOT_FOUND;
    const resolved = spec.components.examples[example.$ref.split('/').pop()];
    expect(resolved['x-zenlayer-documented-status']).toBe(7105);
    expect(resolved.value.code).toBe('SELF_SERVICE_PORT_NOT_FOUND');
    expect(op.description).toMatch(/7105 is not an HTTP\s+status/);
  });

  it('admits exactly one action per operation in X-ZC-Action', async () => {
    const spec = await load('zenlayer.yaml');
    for (const [path, item] of Object.entries<{ post: { operationId: string; parameters: Array<{ name: string }> } }>(
      spec.paths,
    )) {
      const action = item.post.parameters.find((p) => p.name === 'X-ZC-Action');
      expect(action, path).toMatchObject({ in: 'header', required: true });
      expect(action.schema.enum, path).toEqual([item.post.operationId]);
    }
  });

  it('caps ReleaseInstances at 1..100 ids', async () => {
    const spec = await load('zenlayer.yaml');
    const ids = spec.components.schemas.ReleaseInstancesBody.properties.instanceIds;
    expect([ids.minItems, ids.maxItems]).toEqual([1, 100]);
  });
});

describe('zenlayer.yaml companion operations', () => {
  it('writes each companion action as its service path plus a fragment naming it', async () => {
    const spec = await load('zenlayer.yaml');
    const byId = Object.fromEntries(
      Object.entries<{ post: { operationId: string } }>(spec.paths).map(([path, item]) => [
        item.post.operationId,
        path,
      ]),
    );
    expect(byId).toEqual({
      DestroyPort: '/api/v2/sdn',
      ReleaseDisk: '/api/v2/zec',
      ReleaseInstances: '/api/v2/vm',
      TerminateInstance: '/api/v2/vm#TerminateInstance',
      DescribeInstances: '/api/v2/vm#DescribeInstances',
      DescribeDisks: '/api/v2/zec#DescribeDisks',
      TerminatePort: '/api/v2/sdn#TerminatePort',
      DescribePorts: '/api/v2/sdn#DescribePorts',
    });
  });

  it.each([
    ['/api/v2/vm#DescribeInstances', 'DescribeInstancesNone'],
    ['/api/v2/zec#DescribeDisks', 'DescribeDisksNone'],
    ['/api/v2/sdn#DescribePorts', 'DescribePortsNone'],
  ])('%s answers an unknown id with 200 and an empty dataSet', async (path, example) => {
    const spec = await load('zenlayer.yaml');
    const op = spec.paths[path].post;
    expect(op.responses['404']).toBeUndefined();
    expect(op.responses['200'].content['application/json'].examples.none.$ref).toBe(`#/components/examples/${example}`);
    expect(spec.components.examples[example].value.response).toMatchObject({ totalCount: 0, dataSet: [] });
  });

  it('pages Describe calls 1–1000 per page (default 20) from page 1, ids at most 100', async () => {
    const { schemas } = (await load('zenlayer.yaml')).components;
    expect(schemas.PageSize).toMatchObject({ minimum: 1, maximum: 1000, default: 20 });
    expect(schemas.PageNum).toMatchObject({ minimum: 1, default: 1 });
    expect(schemas.DescribeInstancesBody.properties.instanceIds.maxItems).toBe(100);
    expect(schemas.DescribePortsBody.properties.portIds.maxItems).toBe(100);
  });

  it('types the statuses as the documented sets (RECYCLE for instances, RECYCLED for disks and ports)', async () => {
    const { schemas } = (await load('zenlayer.yaml')).components;
    expect(schemas.InstanceStatus.enum).toContain('RECYCLE');
    expect(schemas.InstanceStatus.enum).not.toContain('RECYCLED');
    expect(schemas.DiskStatus.enum).toEqual(expect.arrayContaining(['RECYCLING', 'RECYCLED', 'AVAILABLE']));
    expect(schemas.PortStatus.enum).toEqual(expect.arrayContaining(['RUNNING', 'RECYCLED', 'DESTROYING']));
  });

  it('refuses DestroyPort of a port outside the recycle bin with 403 and writes down why', async () => {
    const spec = await load('zenlayer.yaml');
    const op = spec.paths['/api/v2/sdn'].post;
    const ref = op.responses['403'].content['application/json'].examples.OPERATION_DENIED_INSTANCE_NOT_RECYCLED.$ref;
    const example = spec.components.examples[ref.split('/').pop()];
    expect(example['x-cloud-release-decision']).toBe(true);
    expect(example.value.code).toBe('OPERATION_DENIED_INSTANCE_NOT_RECYCLED');
    expect(op.description).toMatch(/Decision on the refusal of a port that is not in the recycle bin/);
  });

  it('lists both ReleaseDisk codes the Terraform provider handles', async () => {
    const { schemas } = (await load('zenlayer.yaml')).components;
    expect(schemas.ReleaseDiskBadRequestCode.enum).toEqual(
      expect.arrayContaining(['UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE', 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE']),
    );
  });

  it('declares the headers every official SDK sends, and says Retry-After is only sometimes sent', async () => {
    const { parameters, responses } = (await load('zenlayer.yaml')).components;
    expect(
      [parameters.XZcService, parameters.XZcSdkLang, parameters.XZcSdkVersion].map((p) => [p.name, p.required]),
    ).toEqual([
      ['X-ZC-Service', false],
      ['X-ZC-SDK-Lang', false],
      ['X-ZC-SDK-Version', false],
    ]);
    expect(parameters.XZcVersion.description).toMatch(/2026-04-01[\s\S]*deprecated[\s\S]*2025-09-01/);
    expect(parameters.XZcRequestClient.description).toMatch(/Python SDK never sends it/);
    expect(responses.RateLimited.headers['Retry-After'].description).toMatch(/Sent only sometimes/);
  });
});

describe('neutron.yaml companion operations', () => {
  it('serves show, list and the two version documents next to DeletePort', async () => {
    const { paths } = await load('neutron.yaml');
    expect(Object.keys(paths).sort()).toEqual(['/', '/v2.0/', '/v2.0/ports', '/v2.0/ports/{port_id}']);
    expect(paths['/v2.0/ports/{port_id}'].get.operationId).toBe('ShowPort');
    expect(paths['/v2.0/ports'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['name', 'id']);
    expect(paths['/'].get.security).toEqual([]);
  });

  it('puts X-Openstack-Request-Id on every answer under /v2.0', async () => {
    const spec = await load('neutron.yaml');
    for (const [path, item] of Object.entries<Record<string, { responses: Record<string, { $ref?: string }> }>>(
      spec.paths,
    )) {
      if (!path.startsWith('/v2.0')) continue;
      for (const [method, op] of Object.entries(item)) {
        for (const [status, raw] of Object.entries(op.responses)) {
          const response = raw.$ref ? spec.components.responses[raw.$ref.split('/').pop()!] : raw;
          expect(response.headers?.['X-Openstack-Request-Id'], `${method} ${path} ${status}`).toBeDefined();
        }
      }
    }
  });

  it('documents DeletePort’s 400s, HTTPNotFound, InvalidScope and PortInUseAsTrunkParent', async () => {
    const spec = await load('neutron.yaml');
    const { schemas, responses } = spec.components;
    expect(schemas.BadRequestDetail.properties.type.enum).toContain('HTTPBadRequest');
    expect(schemas.NotFoundDetail.properties.type.enum).toEqual(['PortNotFound', 'HTTPNotFound']);
    expect(schemas.ForbiddenDetail.properties.type.enum).toContain('InvalidScope');
    expect(schemas.ConflictDetail.properties.type.enum).toContain('PortInUseAsTrunkParent');
    expect(responses.PortNotFound.description).toMatch(/do not treat\s+`HTTPNotFound` as "already gone"/);
  });

  it('reads If-Match as an etag list, as Neutron does', async () => {
    const spec = await load('neutron.yaml');
    const ifMatch = spec.paths['/v2.0/ports/{port_id}'].delete.parameters.find(
      (p: { name: string }) => p.name === 'If-Match',
    );
    const pattern = new RegExp(ifMatch.schema.pattern);
    for (const ok of [
      'revision_number=4',
      '"revision_number=4"',
      '*',
      'W/"x", revision_number=4',
      'revision_number=abc',
    ])
      expect(ok, ok).toMatch(pattern);
    expect('').not.toMatch(pattern);
  });
});
