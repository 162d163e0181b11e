// Neutron's port rules at their edges, as a client sees them: how a port reads on the wire, and
// which ids a delete may treat as a port it has never been told about.
import { describe, expect, it } from 'vitest';
import { neutron, stateful } from './support.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
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
      projects: { 'token-a': 'proj-a', 'token-b': 'proj-b' },
    });
    const deleted = await neutron(mock, 'DELETE', `/v2.0/ports/${id(5)}`);
    expect(deleted).toMatchObject({ status: 404, body: { NeutronError: { type: 'PortNotFound' } } });
    expect((await neutron(mock, 'GET', `/v2.0/ports/${id(5)}`, { 'x-auth-token': 'token-b' })).status).toBe(200);
  });
});
