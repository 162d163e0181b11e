// The embedded mock's inventory: a few resources in each state that matters, so a rehearsal
// without --endpoint shows the refusals a real account gives, not only acceptances. `--help`
// prints this list (from the same data), so what it names is what the mock holds.
import type { Api } from '@cloud-release/mock';

interface Seeded {
  resource: Record<string, unknown> & { id: string };
  /** The command that acts on it, and what it answers in the embedded mock. */
  command: string;
  outcome: string;
}

export const NEUTRON_PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
export const NEUTRON_ROUTER_PORT = '0b7c1f9e-2d4a-4c8b-9e6f-3a5d7c9e1b2f';
export const NEUTRON_REVISED_PORT = '3f1e2d4c-5b6a-4789-8abc-def012345678';

const instance = (id: string, status: string, outcome: string): Seeded => ({
  resource: { type: 'instance', id, status },
  command: 'release-instances',
  outcome,
});

export const EMBEDDED_SEED: Record<Api, readonly Seeded[]> = {
  zenlayer: [
    instance('vm-1', 'RECYCLE', 'in the recycle bin: released'),
    instance('vm-2', 'RECYCLE', 'in the recycle bin: released'),
    instance('vm-3', 'RECYCLE', 'in the recycle bin: released'),
    instance('vm-4', 'RUNNING', 'running: refused, 403 OPERATION_DENIED_INSTANCE_NOT_RECYCLED'),
    {
      resource: { type: 'disk', id: 'disk-1', status: 'AVAILABLE', diskType: 'DATA' },
      command: 'release-disk',
      outcome: 'a data disk: recycled (a second release would destroy it)',
    },
    {
      resource: { type: 'disk', id: 'disk-sys', status: 'IN_USE', diskType: 'SYSTEM' },
      command: 'release-disk',
      outcome: 'a system disk: refused, 400 UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE',
    },
    {
      resource: { type: 'port', id: 'port-1', status: 'RECYCLED' },
      command: 'destroy-port',
      outcome: 'in the recycle bin: destroyed',
    },
    {
      resource: { type: 'port', id: 'port-2', status: 'RUNNING' },
      command: 'destroy-port',
      outcome: 'running: refused, 403 OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
    },
  ],
  neutron: [
    {
      resource: { id: NEUTRON_PORT, name: 'web-1', device_owner: 'compute:nova', revision_number: 1 },
      command: 'neutron delete-port',
      outcome: 'deleted',
    },
    {
      resource: { id: NEUTRON_ROUTER_PORT, name: 'router-if', device_owner: 'network:router_interface' },
      command: 'neutron delete-port',
      outcome: "a router's port: refused, 409 ServicePortInUse",
    },
    {
      resource: { id: NEUTRON_REVISED_PORT, name: 'db-1', device_owner: 'compute:nova', revision_number: 4 },
      command: 'neutron delete-port',
      outcome: 'at revision 4: --if-match-revision 3 is refused, 412; 4 deletes it',
    },
  ],
};

/** The seed as startMock takes it. */
export const seedFor = (api: Api) => ({ resources: EMBEDDED_SEED[api].map((s) => s.resource) });

/** The `--help` lines that name a command's seeded resources. */
export function seedHelp(api: Api, command: string): string {
  const seeded = EMBEDDED_SEED[api].filter((s) => s.command === command);
  const width = Math.max(...seeded.map((s) => s.resource.id.length));
  const lines = seeded.map((s) => `  ${s.resource.id.padEnd(width)}  ${s.outcome}`);
  return [
    '',
    'Without --endpoint, each run starts the embedded mock afresh from this inventory:',
    ...lines,
    'Any other id is accepted once, as if it existed in the state its action needs (the mock is',
    'not strict); once released, an id answers not found, as the real API does.',
  ].join('\n');
}
