// The Neutron flows of the tour, on a strict stateful mock: a delete and its repeat, a
// router's port, a stale revision. A read after the delete shows the port gone at once.
import { createNeutronClient, createNeutronFetchClient, NeutronApiError } from '@cloud-release/client';
import type { StatefulMock } from '@cloud-release/mock';
import { NEUTRON_PORT, NEUTRON_REVISED_PORT, NEUTRON_ROUTER_PORT } from '../embedded-seed.js';
import { DEMO_TOKEN } from '../target.js';
import { check, say, sayAuthorization, tracedFetch } from './narration.js';

const PORT = NEUTRON_PORT;
const ROUTER_PORT = NEUTRON_ROUTER_PORT;
const REVISED_PORT = NEUTRON_REVISED_PORT;

export const NEUTRON_SEED = {
  resources: [
    { id: PORT, name: 'web-1', device_owner: 'compute:nova', revision_number: 1 },
    { id: ROUTER_PORT, name: 'router-if', device_owner: 'network:router_interface' },
    { id: REVISED_PORT, name: 'db-1', device_owner: 'compute:nova', revision_number: 4 },
  ],
};

async function refused(attempt: Promise<unknown>, status: number): Promise<NeutronApiError> {
  const error = await attempt.then(
    () => undefined,
    (e: unknown) => e,
  );
  check(error instanceof NeutronApiError && error.status === status, `expected a ${status} NeutronApiError`);
  say(`  ✓ ${error.name}: status ${error.status}, type ${error.code}, requestId ${error.requestId}`);
  return error;
}

export async function neutronFlows(mock: StatefulMock): Promise<void> {
  const neutron = () => createNeutronClient({ baseUrl: mock.url, token: DEMO_TOKEN, fetch: sayAuthorization() });
  const reads = createNeutronFetchClient({ baseUrl: mock.url, fetch: tracedFetch() });

  say('\n5. A Neutron delete, then the same delete again.');
  const deleted = await neutron().deletePort(PORT);
  check(!deleted.alreadyGone, 'a 204 is a deletion');
  say('  ✓ 204 No Content: deleted at once (Neutron deletes synchronously).');
  const { response } = await reads.GET('/v2.0/ports/{port_id}', {
    params: { path: { port_id: PORT } },
    headers: { 'X-Auth-Token': DEMO_TOKEN },
  });
  check(response.status === 404, 'the port is gone from GET');
  await refused(neutron().deletePort(PORT), 404);
  const again = await neutron().deletePort(PORT, { ignoreMissing: true });
  check(again.alreadyGone, 'ignoreMissing turns the 404 into { alreadyGone: true }');
  say('  ✓ with ignoreMissing: { alreadyGone: true }');

  say("\n6. A router's port is in use.");
  await refused(neutron().deletePort(ROUTER_PORT), 409);
  say('    (remove the router interface first; the port API will not delete it)');

  say('\n7. A stale revision (the port is at revision 4; the caller last saw 3).');
  await refused(neutron().deletePort(REVISED_PORT, { ifMatchRevision: 3 }), 412);
  await neutron().deletePort(REVISED_PORT, { ifMatchRevision: 4 });
  say('  ✓ If-Match: revision_number=4 deletes it: nothing changed it since it was read.');
}
