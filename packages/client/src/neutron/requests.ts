// The Neutron requests as they go on the wire: Delete, Show and List Port, each with the
// Keystone token (which lives in this closure only). Paths and query as the spec names them,
// encoded as openapi-fetch encodes them (each value with encodeURIComponent, `id` repeated).
import type { paths } from '../generated/neutron.js';
import { joinUrl, type WireRequest } from '../transport/wire.js';
import type { PortQuery } from './port-answers.js';

const PORTS = '/v2.0/ports' satisfies keyof paths;
const PORT = '/v2.0/ports/{port_id}' satisfies keyof paths;

export interface PortRequests {
  /** DELETE, with `If-Match: revision_number=<n>` when a revision is given. */
  deletePort(portId: string, revision?: number): WireRequest;
  showPort(portId: string): WireRequest;
  listPorts(query: PortQuery): WireRequest;
}

function search(query: PortQuery): string {
  const pairs: string[] = [];
  if (query.name !== undefined) pairs.push(`name=${encodeURIComponent(query.name)}`);
  for (const id of query.id ?? []) pairs.push(`id=${encodeURIComponent(id)}`);
  return pairs.length > 0 ? `?${pairs.join('&')}` : '';
}

export function portRequests(baseUrl: string, token: string): PortRequests {
  const portUrl = (portId: string) => joinUrl(baseUrl, PORT.replace('{port_id}', encodeURIComponent(portId)));
  return {
    deletePort(portId, revision) {
      const headers: Record<string, string> = { 'X-Auth-Token': token };
      if (revision !== undefined) headers['If-Match'] = `revision_number=${revision}`;
      return { method: 'DELETE', url: portUrl(portId), headers };
    },
    showPort: (portId) => ({ method: 'GET', url: portUrl(portId), headers: { 'X-Auth-Token': token } }),
    listPorts: (query) => ({
      method: 'GET',
      url: joinUrl(baseUrl, PORTS) + search(query),
      headers: { 'X-Auth-Token': token },
    }),
  };
}
