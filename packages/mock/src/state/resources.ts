// What the stateful mock keeps: Zenlayer instances, disks and ports, and Neutron ports, each
// with a status from its provider's documented set (spec/zenlayer.yaml InstanceStatus,
// DiskStatus, PortStatus; spec/neutron.yaml Port.status). No other status is ever shown.

export const INSTANCE_STATUSES = [
  'PENDING',
  'DEPLOYING',
  'CREATE_FAILED',
  'REBUILDING',
  'REBOOT',
  'IMAGING',
  'STOPPED',
  'RUNNING',
  'BOOTING',
  'STOPPING',
  'RELEASING',
  'RECYCLE',
  'RECYCLING',
] as const;
export const DISK_STATUSES = [
  'CREATING',
  'IN_USE',
  'AVAILABLE',
  'CHANGING',
  'ATTACHING',
  'DETACHING',
  'DELETING',
  'RECYCLED',
  'RECYCLING',
  'FAILED',
  'SNAPSHOT_CREATING',
  'ROLLING_BACK',
] as const;
export const SDN_PORT_STATUSES = [
  'CREATING',
  'DELETING',
  'UPDATING',
  'RUNNING',
  'RECOVERING',
  'RECYCLED',
  'DESTROYING',
  'DESTROYED',
] as const;
export const NEUTRON_PORT_STATUSES = ['ACTIVE', 'DOWN', 'BUILD', 'ERROR', 'N/A'] as const;

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
