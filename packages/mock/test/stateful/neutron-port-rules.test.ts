// Neutron's port rules, as a client sees them: how a port reads on the wire, which ids a delete
// may treat as a port it has never been told about, and which ports a token's project may delete.
import { describe, expect, it } from 'vitest';
import { neutron, stateful } from './support.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const projects = { 'token-a': 'proj-a', 'token-b': 'proj-b' };
/** Neutron's answer for a port id it does not know, reading or deleting. */
const portNotFound = (n: number) => ({
  status: 404,
  body: { NeutronError: { type: 'PortNotFound', message: `Port ${id(n)} could not be found.` } },
});

describe('a port on the wire', () => {
  it('has Neutron’s defaults for what the seed left out, and no tenant_id without a project', async () => {
    const mock = await stateful({ api: 'neutron', seed: { resources: [{ id: id(1), name: 'bare' }] } });
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

  it('an unknown port reads as 404 PortNotFound naming it', async () => {
    const mock = await stateful({ api: 'neutron', strict: true });
    expect(await neutron(mock, 'GET', `/v2.0/ports/${id(9)}`)).toMatchObject(portNotFound(9));
  });
});

describe('deleting a port the mock was not told about', () => {
  it('strict: 404 PortNotFound, nothing made up', async () => {
    const mock = await stateful({ api: 'neutron', strict: true });
    expect(await neutron(mock, 'DELETE', `/v2.0/ports/${id(9)}`)).toMatchObject(portNotFound(9));
  });

  it('not strict: deleted once (at the revision an If-Match names), then 404', async () => {
    const mock = await stateful({ api: 'neutron' });
    const first = await neutron(mock, 'DELETE', `/v2.0/ports/${id(9)}`, { 'if-match': 'revision_number=5' });
    expect(first.status).toBe(204);
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(9)}`)).status).toBe(404);
  });

  it('not strict: another project’s port is not made up for a caller who cannot see it', async () => {
    const mock = await stateful({
      api: 'neutron',
      seed: { resources: [{ id: id(5), name: 'other', project_id: 'proj-b' }] },
      projects,
    });
    const deleted = await neutron(mock, 'DELETE', `/v2.0/ports/${id(5)}`);
    expect(deleted).toMatchObject({ status: 404, body: { NeutronError: { type: 'PortNotFound' } } });
    const kept = await neutron(mock, 'GET', `/v2.0/ports/${id(5)}`, { 'x-auth-token': 'token-b' });
    expect(kept).toMatchObject({ status: 200, body: { port: { id: id(5), project_id: 'proj-b' } } });
    expect((await neutron(mock, 'DELETE', `/v2.0/ports/${id(5)}`, { 'x-auth-token': 'token-b' })).status).toBe(204);
  });
});

describe('ports by project', () => {
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
