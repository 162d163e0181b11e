// Ports the port API cannot (or must not) delete, told apart before anything is sent: what
// Neutron would answer, why, and what to do instead (shared/reference/companion-reads.md §4,
// neutron-facts.md). Neutron refuses the router and floating-IP owners with 409
// ServicePortInUse and a trunk parent with 409 PortInUseAsTrunkParent; a DHCP agent's port
// it deletes, but the agent makes it again, so deleting it is never what the caller wants.
import type { PortView } from './clients.js';

export interface PortRefusal {
  code: string;
  reason: string;
  instead: string;
}

const ROUTER_INTERFACE = [
  'network:router_interface',
  'network:router_interface_distributed',
  'network:ha_router_replicated_interface',
];
const L3_AGENT = ['network:router_ha_interface', 'network:router_centralized_snat', 'network:floatingip_agent_gateway'];

/** Why this port is refused, or undefined when the port API may delete it. */
export function portRefusal(port: PortView): PortRefusal | undefined {
  const owner = port.device_owner ?? '';
  const router = port.device_id ? ` ${port.device_id}` : '';
  const owned = `has device owner ${owner}`;
  if (port.trunk_details !== undefined && port.trunk_details !== null)
    return {
      code: 'PortInUseAsTrunkParent',
      reason: `port ${port.id} is a trunk's parent port`,
      instead: 'delete the trunk first (openstack network trunk delete <trunk>), then the port',
    };
  if (ROUTER_INTERFACE.includes(owner))
    return {
      code: 'ServicePortInUse',
      reason: `port ${port.id} ${owned}: a router interface`,
      instead: `remove it from the router (openstack router remove port${router || ' <router>'} ${port.id})`,
    };
  if (owner === 'network:router_gateway')
    return {
      code: 'ServicePortInUse',
      reason: `port ${port.id} ${owned}: a router's external gateway`,
      instead: `clear the router's gateway (openstack router unset --external-gateway${router || ' <router>'})`,
    };
  if (owner === 'network:floatingip')
    return {
      code: 'ServicePortInUse',
      reason: `port ${port.id} ${owned}: a floating IP`,
      instead: 'delete the floating IP (openstack floating ip delete <ip>)',
    };
  if (L3_AGENT.includes(owner))
    return {
      code: 'ServicePortInUse',
      reason: `port ${port.id} ${owned}: managed by the L3 agent for an HA or DVR router`,
      instead: 'it goes with its router: remove the router (or its gateway) instead',
    };
  if (owner === 'network:dhcp')
    return {
      code: 'DhcpAgentPort',
      reason: `port ${port.id} ${owned}: the DHCP agent makes it again once deleted`,
      instead: 'disable DHCP on its subnet (openstack subnet set --no-dhcp <subnet>) or delete the network',
    };
  return undefined;
}
