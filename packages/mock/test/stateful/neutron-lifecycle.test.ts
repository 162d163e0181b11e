// Neutron's port rules: gone at once, 409s, 412, projects, the reads around a delete, ports the
// mock was never told about, and how a port reads, through the mock's in-process fetch (the same
// answers as over HTTP; no socket is under test here).
import { describe, expect, it } from 'vitest';
import { neutron, statefulInProcess } from './support.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const seed = {
  resources: [
    { id: id(1), name: 'web-port', project_id: 'proj-a', revision_number: 4 },
    { id: id(2), name: 'router-if', device_owner: 'network:router_interface', project_id: 'proj-a' },
    { id: id(3), name: 'fip', device_owner: 'network:floatingip', project_id: 'proj-a' },
    { id: id(4), name: 'trunk-parent', trunk_details: { trunk_id: 't-1' }, project_id: 'proj-a' },
    { id: id(5), name: 'other', project_id: 'proj-b' },
    { id: id(6), name: 'dup', project_id: 'proj-a' },
    { id: id(7), name: 'dup', project_id: 'proj-a' },
  ],
};
const projects = { 'token-a': 'proj-a', 'token-b': 'proj-b' };
const REQ_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('neutron ports', () => {
  it('DELETE answers 204 and the port is gone at once: GET 404 PortNotFound, a second DELETE 404', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed, projects });
    expect((await neutron(mock, 'GET', `/v2.0/ports/${id(1)}`)).body.port).toMatchObject({
      id: id(1),
      name: 'web-port',
      revision_number: 4,
      project_id: 'proj-a',
      tenant_id: 'proj-a',
      status: 'ACTIVE',
    });
    const deleted = await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`);
    expect(deleted.status).toBe(204);
    expect(deleted.body).toBeUndefined();
    expect(deleted.headers.get('x-openstack-request-id')).toMatch(REQ_ID);
    const read = await neutron(mock, 'GET', `/v2.0/ports/${id(1)}`);
    expect(read).toMatchObject({ status: 404, body: { NeutronError: { type: 'PortNotFound' } } });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`)).status).toBe(404);
  });

  it.each([
    [2, 'ServicePortInUse', /device owner network:router_interface/],
    [3, 'ServicePortInUse', /device owner network:floatingip/],
    [4, 'PortInUseAsTrunkParent', /not eligible for deletion/],
  ])('refuses port %i with 409 %s and keeps it', async (n, type, message) => {
    const mock = await statefulInProcess({ api: 'neutron', seed, projects });
    const refused = await neutron(mock, 'DELETE', `/v2.0/ports/${id(n)}`);
    expect(refused).toMatchObject({ status: 409, body: { NeutronError: { type } } });
    expect(refused.body.NeutronError.message).toMatch(message);
    expect((await neutron(mock, 'GET', `/v2.0/ports/${id(n)}`)).status).toBe(200);
  });

  it('answers a stale If-Match revision with 412 and deletes on the current one (quoted, in a list)', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed, projects });
    const stale = await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`, { 'if-match': 'revision_number=3' });
    expect(stale).toMatchObject({
      status: 412,
      body: {
        NeutronError: {
          type: 'RevisionNumberConstraintFailed',
          message: 'Constrained to 3, but current revision is 4',
        },
      },
    });
    const current = await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`, { 'if-match': '*, "revision_number=4"' });
    expect(current.status).toBe(204);
  });

  // What a client sees of each etag form webob reads (port 1 is at revision 4): the entry that
  // constrains, the ones that are ignored, and the ones that are a 400 before anything is deleted.
  it.each([
    ['W/"revision_number=3"', 3],
    ['"revision_number=3"', 3],
    ['W/revision_number=3', 3],
    ['revision_number=12', 12],
  ])('reads If-Match %s as revision %i: 412 and the port is kept', async (ifMatch, revision) => {
    const mock = await statefulInProcess({ api: 'neutron', seed, projects });
    const stale = await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`, { 'if-match': ifMatch });
    expect(stale.status).toBe(412);
    expect(stale.body.NeutronError.message).toBe(`Constrained to ${revision}, but current revision is 4`);
    expect((await neutron(mock, 'GET', `/v2.0/ports/${id(1)}`)).status).toBe(200);
  });

  it('ignores If-Match "W/revision_number=3" (a quoted etag that is not a revision entry): the port is deleted', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed, projects });
    const deleted = await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`, { 'if-match': '"W/revision_number=3"' });
    expect(deleted.status).toBe(204);
    expect((await neutron(mock, 'GET', `/v2.0/ports/${id(1)}`)).status).toBe(404);
  });

  it('refuses an unbalanced quote ("revision_number=3) as a malformed header, not as a revision', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed, projects });
    const refused = await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`, { 'if-match': '"revision_number=3' });
    expect(refused).toMatchObject({ status: 400, body: { NeutronError: { type: 'HTTPBadRequest' } } });
    expect(refused.body.NeutronError.message).toMatch(/^Invalid If-Match: /);
    expect((await neutron(mock, 'GET', `/v2.0/ports/${id(1)}`)).status).toBe(200);
  });

  it.each(['revision_number=3"', 'revision_number=a4'])(
    'refuses If-Match %s with 400 BadRequest and keeps the port',
    async (ifMatch) => {
      const mock = await statefulInProcess({ api: 'neutron', seed, projects });
      const refused = await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`, { 'if-match': ifMatch });
      expect(refused).toMatchObject({ status: 400, body: { NeutronError: { type: 'BadRequest' } } });
      expect(refused.body.NeutronError.message).toContain(ifMatch);
      expect((await neutron(mock, 'GET', `/v2.0/ports/${id(1)}`)).status).toBe(200);
    },
  );

  it('hides another project’s port: 404 to its token, not made up for it, visible to and deleted by the owner; an unknown token is 401', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed, projects });
    expect((await neutron(mock, 'GET', `/v2.0/ports/${id(5)}`)).status).toBe(404);
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(5)}`)).body.NeutronError.type).toBe('PortNotFound');
    const owner = { 'x-auth-token': 'token-b' };
    const kept = await neutron(mock, 'GET', `/v2.0/ports/${id(5)}`, owner);
    expect(kept).toMatchObject({ status: 200, body: { port: { id: id(5), project_id: 'proj-b' } } });
    const stranger = await neutron(mock, 'GET', `/v2.0/ports/${id(5)}`, { 'x-auth-token': 'token-z' });
    expect(stranger).toMatchObject({ status: 401, body: { error: { code: 401 } } });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(5)}`, owner)).status).toBe(204);
  });

  it('lists the caller’s ports by name and by id (repeated), as openstacksdk’s find_port does', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed, projects });
    const byName = await neutron(mock, 'GET', '/v2.0/ports?name=dup');
    expect(byName.body.ports.map((p: { id: string }) => p.id)).toEqual([id(6), id(7)]);
    const byId = await neutron(mock, 'GET', `/v2.0/ports?id=${id(1)}&id=${id(5)}`);
    expect(byId.body.ports.map((p: { id: string }) => p.id)).toEqual([id(1)]);
    expect(byId.headers.get('x-openstack-request-id')).toMatch(REQ_ID);
    expect((await neutron(mock, 'GET', '/v2.0/ports?name=nobody')).body).toEqual({ ports: [] });
  });

  it('serves the version documents pointing at itself; / needs no token and carries no request id', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    const root = await mock(`${mock.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('x-openstack-request-id')).toBeNull();
    expect(await root.json()).toEqual({
      versions: [{ id: 'v2.0', status: 'CURRENT', links: [{ rel: 'self', href: `${mock.url}/v2.0/` }] }],
    });
    const v2 = await neutron(mock, 'GET', '/v2.0/');
    expect(v2.body.resources[0]).toMatchObject({ collection: 'ports', links: [{ href: `${mock.url}/v2.0/ports` }] });
    expect((await neutron(mock, 'GET', '/v2.0')).status).toBe(404);
  });

  it('creates an unseeded port on its first DELETE (204, at the revision an If-Match names), then 404; reads never create', async () => {
    const bare = await statefulInProcess({ api: 'neutron' });
    expect((await neutron(bare, 'GET', `/v2.0/ports/${id(9)}`)).status).toBe(404);
    const first = await neutron(bare, 'DELETE', `/v2.0/ports/${id(9)}`, { 'if-match': 'revision_number=5' });
    expect(first.status).toBe(204);
    expect((await neutron(bare, 'DELETE', `/v2.0/ports/${id(9)}`)).status).toBe(404);
  });

  it('strict: an unknown port is 404 PortNotFound naming it, read or deleted; nothing made up', async () => {
    const strict = await statefulInProcess({ api: 'neutron', strict: true });
    for (const method of ['GET', 'DELETE'])
      expect(await neutron(strict, method, `/v2.0/ports/${id(9)}`)).toMatchObject({
        status: 404,
        body: { NeutronError: { type: 'PortNotFound', message: `Port ${id(9)} could not be found.` } },
      });
  });
});

describe('a port on the wire', () => {
  it('has Neutron’s defaults for what the seed left out, and no tenant_id without a project', async () => {
    const mock = await statefulInProcess({ api: 'neutron', seed: { resources: [{ id: id(1), name: 'bare' }] } });
    expect((await neutron(mock, 'GET', `/v2.0/ports/${id(1)}`)).body.port).toEqual({
      id: id(1),
      name: 'bare',
      status: 'ACTIVE',
      network_id: '',
      device_id: '',
      device_owner: '',
      admin_state_up: true,
      fixed_ips: [],
      revision_number: expect.any(Number),
    });
  });
});

describe('ports by project', () => {
  it('with no projects configured, a port with a project is deleted by any token', async () => {
    const mock = await statefulInProcess({
      api: 'neutron',
      seed: { resources: [{ id: id(1), project_id: 'proj-a' }] },
      strict: true,
    });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`)).status).toBe(204);
  });

  it('a port without a project is visible to every project', async () => {
    const mock = await statefulInProcess({
      api: 'neutron',
      seed: { resources: [{ id: id(2), name: 'shared' }] },
      projects,
      strict: true,
    });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(2)}`)).status).toBe(204);
  });
});
