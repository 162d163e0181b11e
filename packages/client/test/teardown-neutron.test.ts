// teardown() for Neutron ports against the stateful mock over HTTP: read, DELETE with
// If-Match on the revision read, a 404 on GET to confirm; every port the port API cannot
// delete refused before anything is sent; a changed revision (412) reported as drift.
import { describe, expect, it } from 'vitest';
import { type NeutronTeardownClient, teardown } from '../src/index.js';
import { neutronMock, stopMocksAfterEach } from './support/stateful-mocks.js';

stopMocksAfterEach();

const P = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const port = (id = P) => ({ provider: 'neutron' as const, type: 'neutron-port' as const, id });
const calls = (journal: Array<{ operation: string; status: number | null }>) =>
  journal.map((r) => [r.operation, r.status]);

describe('teardown of Neutron ports', () => {
  it('an ACTIVE port: GET, DELETE (204), GET 404: gone', async () => {
    const { mock, client } = await neutronMock([{ id: P, name: 'web', revision_number: 7 }]);
    await expect(teardown({ neutron: client, resources: [port()] })).resolves.toEqual([
      { ...port(), result: 'gone', status: null },
    ]);
    expect(calls(await mock.journal())).toEqual([
      ['ShowPort', 200],
      ['DeletePort', 204],
      ['ShowPort', 404],
    ]);
  });

  it('a port already gone: already-gone, and no DELETE is sent', async () => {
    const { mock, client } = await neutronMock([]);
    await expect(teardown({ neutron: client, resources: [port()] })).resolves.toEqual([
      { ...port(), result: 'already-gone', status: null },
    ]);
    expect(calls(await mock.journal())).toEqual([['ShowPort', 404]]);
  });

  it.each([
    ['network:router_interface', {}, 'ServicePortInUse', /router remove port r-1/],
    ['network:router_interface_distributed', {}, 'ServicePortInUse', /router remove port/],
    ['network:ha_router_replicated_interface', {}, 'ServicePortInUse', /router remove port/],
    ['network:router_gateway', {}, 'ServicePortInUse', /unset --external-gateway r-1/],
    ['network:floatingip', {}, 'ServicePortInUse', /floating ip delete/],
    ['network:router_ha_interface', {}, 'ServicePortInUse', /goes with its router/],
    ['network:router_centralized_snat', {}, 'ServicePortInUse', /goes with its router/],
    ['network:floatingip_agent_gateway', {}, 'ServicePortInUse', /goes with its router/],
    ['network:dhcp', {}, 'DhcpAgentPort', /--no-dhcp/],
    ['compute:nova', { trunk_details: { trunk_id: 't-1' } }, 'PortInUseAsTrunkParent', /trunk delete/],
  ])(
    'device owner %s %j: refused with the reason and what to do instead; no DELETE sent',
    async (owner, extra, code, instead) => {
      const { mock, client } = await neutronMock([{ id: P, device_owner: owner, device_id: 'r-1', ...extra }]);
      const [result] = await teardown({ neutron: client, resources: [port()] });
      expect(result).toMatchObject({ result: 'refused', step: 'delete', code, status: 'ACTIVE' });
      expect((result as { instead: string }).instead).toMatch(instead);
      expect((result as { reason: string }).reason).toContain(P);
      expect(calls(await mock.journal())).toEqual([['ShowPort', 200]]);
    },
  );

  it('drift: the revision changed after the read → 412, reported with the new revision, never retried', async () => {
    const { mock, client } = await neutronMock([{ id: P, name: 'web', revision_number: 7 }]);
    // Someone else updates the port right after this run read it (through the control plane).
    const racing: NeutronTeardownClient = {
      getPort: async (id, o) => {
        const read = await client.getPort(id, o);
        if (read.revision_number === 7)
          await mock.control('POST', '/__mock/resources', { resources: [{ id: P, name: 'web', revision_number: 8 }] });
        return read;
      },
      deletePort: (id, o) => client.deletePort(id, o),
    };
    const [result] = await teardown({ neutron: racing, resources: [port()] });
    expect(result).toMatchObject({
      result: 'refused',
      step: 'delete',
      code: 'RevisionNumberConstraintFailed',
      revision: { read: 7, current: 8 },
    });
    expect(calls(await mock.journal())).toEqual([
      ['ShowPort', 200],
      ['DeletePort', 412],
      ['ShowPort', 200],
    ]);
    expect((await mock.control('GET', '/__mock/resources')).resources).toHaveLength(1);
  });

  it('a DELETE the server refuses anyway (403 by policy): refused at delete with its type', async () => {
    const { mock, client } = await neutronMock([{ id: P }]);
    await mock.control('POST', '/__mock/faults', {
      faults: [{ operation: 'DeletePort', status: 403, type: 'PolicyNotAuthorized' }],
    });
    const [result] = await teardown({ neutron: client, resources: [port()] });
    expect(result).toMatchObject({ result: 'refused', step: 'delete', code: 'PolicyNotAuthorized' });
  });

  it('a DELETE sent and never answered: unknown at delete', async () => {
    const { mock, client } = await neutronMock([{ id: P }]);
    await mock.control('POST', '/__mock/faults', { faults: [{ operation: 'DeletePort', applyThenDrop: true }] });
    const [result] = await teardown({ neutron: client, resources: [port()] });
    expect(result).toMatchObject({ result: 'unknown', step: 'delete' });
  });

  it('many ports are carried 25 per call slot, not all at once: the first DELETE follows at most 100 reads; all end gone', async () => {
    const ids = Array.from({ length: 300 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const { mock, client } = await neutronMock(ids.map((id) => ({ id, revision_number: 1 })));
    const results = await teardown({ neutron: client, resources: ids.map((id) => port(id)) });
    expect(results.every((r) => r.result === 'gone')).toBe(true);
    const operations = (await mock.journal()).map((r) => r.operation);
    // Read first, all 300 of them, before any DELETE, was how a run held a step for every port.
    expect(operations.indexOf('DeletePort')).toBeLessThanOrEqual(100);
    expect(operations.filter((o) => o === 'DeletePort')).toHaveLength(300);
  });
});
