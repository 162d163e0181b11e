// What the stateful mock keeps: Zenlayer instances, disks and ports, and Neutron ports, each
// with a status from its provider's documented set (spec/zenlayer.yaml InstanceStatus,
// DiskStatus, PortStatus; spec/neutron.yaml Port.status). No other status is ever shown.
import { portStatusValues as neutronPortStatusValues } from '../generated/neutron.js';
import { diskStatusValues, instanceStatusValues, portStatusValues } from '../generated/zenlayer.js';

// The lists are generated from those enums (openapi-typescript --enum-values, src/generated):
// a status the spec adds or drops is followed here without an edit.
export const INSTANCE_STATUSES = instanceStatusValues;
export const DISK_STATUSES = diskStatusValues;
export const SDN_PORT_STATUSES = portStatusValues;
export const NEUTRON_PORT_STATUSES = neutronPortStatusValues;

export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];
export type DiskStatus = (typeof DISK_STATUSES)[number];
export type SdnPortStatus = (typeof SDN_PORT_STATUSES)[number];
export type NeutronPortStatus = (typeof NEUTRON_PORT_STATUSES)[number];

export interface Instance {
  type: 'instance';
  id: string;
  status: InstanceStatus;
  name?: string;
}
export interface Disk {
  type: 'disk';
  id: string;
  status: DiskStatus;
  name?: string;
  /** A SYSTEM (boot) disk cannot be released. */
  diskType?: 'SYSTEM' | 'DATA';
}
export interface SdnPort {
  type: 'port';
  id: string;
  status: SdnPortStatus;
  name?: string;
}
export interface NeutronPort {
  type: 'port';
  id: string;
  name: string;
  status: NeutronPortStatus;
  device_owner: string;
  revision_number: number;
  /** Unset: visible to every token. */
  project_id?: string;
  device_id?: string;
  network_id?: string;
  /** Present on a trunk's parent port, which cannot be deleted. */
  trunk_details?: { trunk_id: string };
}

export type ZenlayerResource = Instance | Disk | SdnPort;
export type Resource = ZenlayerResource | NeutronPort;

/** The statuses each Zenlayer type may have, by type. */
export const ZENLAYER_STATUSES: Record<ZenlayerResource['type'], readonly string[]> = {
  instance: INSTANCE_STATUSES,
  disk: DISK_STATUSES,
  port: SDN_PORT_STATUSES,
};

/** device_owner values whose port Neutron refuses to delete directly (ServicePortInUse). */
export const SERVICE_OWNERS = new Set([
  'network:router_interface',
  'network:router_gateway',
  'network:floatingip',
  'network:ha_router_replicated_interface',
  'network:router_interface_distributed',
  'network:router_centralized_snat',
  'network:floatingip_agent_gateway',
  'network:router_ha_interface',
]);
