// The stateful mocks a teardown bench runs against, in a process of their own (so the CLI,
// the mocks and the bench each have their own event loop): Zenlayer with `instances` RUNNING
// instances, Neutron with `ports` compute ports, transitions of `transitionMs`. Prints
// "ready <zenlayer url> <neutron url>"; stops on SIGTERM.
import { startMock } from '@cloud-release/mock';
import { instanceIds, neutronPortIds } from './teardown-ids.mjs';

const [instances, ports, transitionMs] = process.argv.slice(2).map(Number);
const zenlayer = await startMock({
  api: 'zenlayer',
  mode: 'stateful',
  strict: true,
  transitionMs,
  seed: { resources: instanceIds(instances ?? 0).map((id) => ({ type: 'instance', id, status: 'RUNNING' })) },
});
const neutron = await startMock({
  api: 'neutron',
  mode: 'stateful',
  strict: true,
  seed: {
    resources: neutronPortIds(ports ?? 0).map((id) => ({ id, device_owner: 'compute:nova', revision_number: 1 })),
  },
});
console.log(`ready ${zenlayer.url} ${neutron.url}`);
process.on('SIGTERM', () => Promise.all([zenlayer.close(), neutron.close()]).then(() => process.exit(0)));
