// The Neutron waiter: until each port's GET answers 404 PortNotFound. Neutron's GET takes one
// id, and a 404 on it is the confirmation the flows ask for.
import { isNeutronTransient, isPortNotFound, judgeNeutronGone, NEUTRON_WAIT } from './acceptors-neutron.js';
import type { NeutronReader } from './clients.js';
import { waiterOf } from './waiter.js';

/** Until GET /v2.0/ports/{id} answers 404 for every id. */
export const waitUntilNeutronPortsGone = waiterOf((client: NeutronReader) => ({
  poll: async (pending, signal) => {
    const seen = new Map<string, string | null>();
    for (const id of pending) {
      try {
        const port = await client.getPort(id, signal ? { signal } : {});
        seen.set(id, String(port.status));
      } catch (error) {
        if (!isPortNotFound(error)) throw error;
        seen.set(id, null);
      }
    }
    return seen;
  },
  judge: judgeNeutronGone,
  transient: isNeutronTransient,
  defaults: NEUTRON_WAIT,
}));
