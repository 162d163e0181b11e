// Which port a Neutron DELETE may destroy, by project (issue 15: survivors in
// state/neutron-rules.ts). A port in another project is never deleted, nor re-created in
// the caller's project and then "deleted"; with no projects configured every port is visible.
import { describe, expect, it } from 'vitest';
import { neutron, stateful } from './support.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const projects = { 'token-a': 'proj-a', 'token-b': 'proj-b' };

describe('ports by project', () => {
  it("another project's port is 404 to token-a, even when unseeded ids are created, and stays", async () => {
    const seed = { resources: [{ id: id(5), name: 'other', project_id: 'proj-b' }] };
    const mock = await stateful({ api: 'neutron', seed, projects });
    const refused = await neutron(mock, 'DELETE', `/v2.0/ports/${id(5)}`);
    expect(refused).toMatchObject({ status: 404, body: { NeutronError: { type: 'PortNotFound' } } });
    const kept = await neutron(mock, 'GET', `/v2.0/ports/${id(5)}`, { 'x-auth-token': 'token-b' });
    expect(kept).toMatchObject({ status: 200, body: { port: { id: id(5), project_id: 'proj-b' } } });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(5)}`, { 'x-auth-token': 'token-b' })).status).toBe(204);
  });

  it('with no projects configured, a port with a project is deleted by any token', async () => {
    const seed = { resources: [{ id: id(1), name: 'web', project_id: 'proj-a' }] };
    const mock = await stateful({ api: 'neutron', seed, strict: true });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(1)}`)).status).toBe(204);
  });

  it('a port without a project is visible to every project', async () => {
    const seed = { resources: [{ id: id(2), name: 'shared' }] };
    const mock = await stateful({ api: 'neutron', seed, projects, strict: true });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(2)}`)).status).toBe(204);
  });
});
