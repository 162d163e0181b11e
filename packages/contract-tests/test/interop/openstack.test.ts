// Interop: Debian's openstacksdk and openstack CLI delete ports on the stateful
// Neutron mock as a user's teardown script would, and the test checks what that user notices:
// the exit status, the SDK's exception, the port gone from the inventory, and the mock's journal.
import { randomUUID } from 'node:crypto';
import { type RunningMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSTALL_HINT, missingTools, openstackCloud } from './openstack-tools.js';

const missing = await missingTools();
const TOKEN = 'interop-token';

interface JournalEntry {
  method: string;
  path: string;
  status: number;
  code?: string;
  requestId?: string;
}
interface Port {
  type: 'port';
  id: string;
  name: string;
  device_owner: string;
  revision_number: number;
  project_id: string;
}

// The mock maps tokens to projects, so its control plane takes the same Keystone token.
const control = (mock: RunningMock) => {
  const call = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${mock.url}/__mock/${path}`, {
      ...init,
      headers: { 'x-auth-token': TOKEN, ...init?.headers },
    });
    expect(response.ok, `${init?.method ?? 'GET'} /__mock/${path} -> ${response.status}`).toBe(true);
    return response.status === 204 ? undefined : response.json();
  };
  return {
    seed: (resources: Port[]) =>
      call('resources', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ resources }),
      }),
    ports: async () => ((await call('resources')) as { resources: Port[] }).resources.filter((r) => r.type === 'port'),
    /** Only the port API's lines (keystoneauth's discovery GET of the endpoint is not asserted). */
    journal: async (about: string) =>
      ((await call('requests')) as { requests: JournalEntry[] }).requests.filter(
        (entry) => entry.path.startsWith('/v2.0/ports') && entry.path.includes(about),
      ),
  };
};

/** A fresh port per test, so tests share one mock without sharing state. */
const port = (overrides: Partial<Port> = {}): Port => ({
  type: 'port',
  id: randomUUID(),
  name: `interop-${randomUUID().slice(0, 8)}`,
  device_owner: 'compute:nova',
  revision_number: 3,
  project_id: 'interop-project',
  ...overrides,
});
const lines = (journal: JournalEntry[]) => journal.map((e) => `${e.method} ${e.status}`);

if (missing.length > 0 && process.env.CI !== 'true') {
  // One visible line instead of a silent pass: the suite needs Debian's packages.
  console.warn(`openstack interop suite did not run: ${missing.join(', ')} missing; install with: ${INSTALL_HINT}`);
}

describe.runIf(missing.length === 0 || process.env.CI === 'true')(
  'openstacksdk and openstack CLI on the stateful Neutron mock',
  { timeout: 60_000 },
  () => {
    let mock: RunningMock;
    let tools: Awaited<ReturnType<typeof openstackCloud>>;
    let plane: ReturnType<typeof control>;
    const portIds = async () => (await plane.ports()).map((q) => q.id);
    /** Runs an SDK call that must succeed, and checks what it returned. */
    const succeeds = async (call: string, arg: string, returned: unknown) => {
      const run = await tools.sdk(call, arg);
      expect(run.exitCode, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toEqual({ returned });
    };
    /** A port seeded into the mock for one test. */
    const seeded = async (overrides: Partial<Port> = {}) => {
      const p = port(overrides);
      await plane.seed([p]);
      return p;
    };

    beforeAll(async () => {
      expect(missing, `missing under CI; install with: ${INSTALL_HINT}`).toEqual([]);
      mock = await startMock({
        api: 'neutron',
        mode: 'stateful',
        strict: true,
        projects: { [TOKEN]: 'interop-project' },
      });
      tools = await openstackCloud(mock.url, TOKEN);
      plane = control(mock);
    });
    afterAll(async () => {
      await tools?.remove();
      await mock?.close();
    });

    it('conn.network.delete_port deletes a seeded port with one DELETE, and the port is gone', async () => {
      const p = await seeded();
      await succeeds('network-delete', p.id, null);
      expect(await portIds()).not.toContain(p.id);
      expect(lines(await plane.journal(p.id))).toEqual(['DELETE 204']);
    });

    it('ignore_missing (the default) swallows the 404 of a port already gone; ignore_missing=False raises it', async () => {
      const p = await seeded();
      expect((await tools.sdk('network-delete', p.id)).exitCode).toBe(0);
      const again = await tools.sdk('network-delete', p.id);
      expect(again.exitCode, again.stderr).toBe(0);
      const strict = await tools.sdk('network-delete', p.id, '--strict');
      expect(strict.exitCode).toBe(1);
      const raised = JSON.parse(strict.stdout);
      const journal = await plane.journal(p.id);
      expect(lines(journal)).toEqual(['DELETE 204', 'DELETE 404', 'DELETE 404']);
      expect(raised).toMatchObject({ raised: 'ResourceNotFound', status: 404 });
      expect(raised.message).toBe(`Port ${p.id} could not be found.`);
      // The SDK's exception carries the request id the mock journaled for that answer.
      expect(raised.requestId).toBe(journal[2]!.requestId);
      expect(raised.requestId).toMatch(/^req-[0-9a-f-]{36}$/);
    });

    it('a stale if_revision is refused with 412 and the port stays; the current revision deletes it', async () => {
      const p = await seeded({ revision_number: 5 });
      const stale = await tools.sdk('network-delete', p.id, '--strict', '--if-revision', '4');
      expect(stale.exitCode).toBe(1);
      expect(JSON.parse(stale.stdout)).toMatchObject({ raised: 'PreconditionFailedException', status: 412 });
      expect(await portIds()).toContain(p.id);
      const current = await tools.sdk('network-delete', p.id, '--strict', '--if-revision', '5');
      expect(current.exitCode, current.stdout).toBe(0);
      expect(await portIds()).not.toContain(p.id);
      expect(lines(await plane.journal(p.id))).toEqual(['DELETE 412', 'DELETE 204']);
    });

    it('conn.delete_port by name finds the port (GET by id, then by name) and deletes it', async () => {
      const p = await seeded();
      await succeeds('cloud-delete', p.name, true);
      expect(await portIds()).not.toContain(p.id);
      const all = await plane.journal('');
      const reads = all.filter((e) => e.path.includes(p.name));
      expect(lines(reads)).toEqual(['GET 404', 'GET 200']);
      expect(lines(await plane.journal(p.id))).toEqual(['DELETE 204']);
      // GET before DELETE, in that order.
      expect(all.indexOf(reads[1]!)).toBeLessThan(all.findIndex((e) => e.path.includes(p.id)));
      // A second call finds nothing and says so with False, sending no DELETE.
      expect(JSON.parse((await tools.sdk('cloud-delete', p.name)).stdout)).toEqual({ returned: false });
      expect(lines(await plane.journal(p.id))).toEqual(['DELETE 204']);
    });

    it('openstack port delete by id reads the port, deletes it, and fails visibly the second time', async () => {
      const p = await seeded();
      const first = await tools.cli('port', 'delete', p.id);
      expect(first.exitCode, first.stderr).toBe(0);
      expect(await portIds()).not.toContain(p.id);
      expect(lines(await plane.journal(p.id))).toEqual(['GET 200', 'DELETE 204']);
      const second = await tools.cli('port', 'delete', p.id);
      expect(second.exitCode).toBe(1);
      expect(second.stderr).toContain(`Failed to delete port with name or ID '${p.id}'`);
      expect(second.stderr).toContain('1 of 1 ports failed to delete.');
    });

    it('openstack port delete by name deletes the one port of that name', async () => {
      const p = port();
      const other = port();
      await plane.seed([p, other]);
      const run = await tools.cli('port', 'delete', p.name);
      expect(run.exitCode, run.stderr).toBe(0);
      expect((await plane.ports()).map((q) => q.id)).toEqual(expect.arrayContaining([other.id]));
      expect(await portIds()).not.toContain(p.id);
      expect(lines(await plane.journal(p.id))).toEqual(['DELETE 204']);
    });

    it("openstack port delete of a router's port fails with the 409 the CLI prints, and the port stays", async () => {
      const p = await seeded({ device_owner: 'network:router_interface' });
      const run = await tools.cli('port', 'delete', p.id);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('cannot be deleted directly via the port API');
      expect(await portIds()).toContain(p.id);
      expect(lines(await plane.journal(p.id))).toEqual(['GET 200', 'DELETE 409']);
    });
  },
);
