// The reads openstacksdk and the openstack CLI make around a delete: show a port by id, then
// (on 404) list ports by name. Nothing is retried, and a 404 is reported, never "gone". An
// answer about another port than asked is refused (see port-answers.ts).
import { ValidationError } from '../transport/errors.js';
import { type ExchangeContext, exchange, unexpectedAnswer } from '../transport/exchange.js';
import { errorBody, type Send } from '../transport/wire.js';
import { toNeutronError } from './errors.js';
import { isRecord, type PortQuery, portFault, portsFault } from './port-answers.js';
import type { PortRequests } from './requests.js';
import type { NeutronPort } from './types.js';

export interface NeutronReadOptions {
  /** Aborts the call. */
  signal?: AbortSignal;
}

export interface ListPortsFilter extends NeutronReadOptions {
  /** Only ports with this name (what openstacksdk's find_port falls back to). */
  name?: string;
  /** Only the port(s) with these ids (repeated `id=` in the query). */
  id?: string | readonly string[];
}

export interface NeutronReads {
  /** GET /v2.0/ports/{portId}: the port; a 404 rejects with NeutronApiError PortNotFound. */
  getPort(portId: string, options?: NeutronReadOptions): Promise<NeutronPort>;
  /** GET /v2.0/ports?name=&id=: the ports that match, possibly none. */
  listPorts(filter?: ListPortsFilter): Promise<NeutronPort[]>;
}

type Context = Omit<ExchangeContext, 'operation' | 'subject' | 'ids' | 'signal'>;

/** The body's `key` when the answer is the documented JSON object, else undefined. */
function field(text: string, key: string): unknown {
  try {
    // A `null` body throws here (null[key]) and reads as undefined, like any other non-object.
    const value = (JSON.parse(text) as Record<string, unknown>)[key];
    return value ?? undefined;
  } catch {
    // Not JSON: no field, as below.
  }
  return undefined;
}

export function readMethods(
  send: Send,
  requests: PortRequests,
  base: Context,
  checkPortId: (id: unknown) => string,
): NeutronReads {
  return {
    async getPort(portId, opts = {}) {
      const id = checkPortId(portId);
      const context = { ...base, operation: 'ShowPort', subject: `port ${id}`, ids: [id], signal: opts.signal };
      const request = requests.showPort(id);
      return exchange<NeutronPort>(
        context,
        (signal) => send(request, signal),
        ({ response, text }) => {
          if (!response.ok) return { error: toNeutronError(id, response, errorBody(text), 'ShowPort') };
          const port = field(text, 'port');
          if (!isRecord(port)) return { error: unexpectedAnswer(context, response, '{"port": {…}}') };
          const fault = portFault(port, id);
          if (fault !== undefined) return { error: unexpectedAnswer(context, response, `{"port": {…}} (${fault})`) };
          return { value: port as NeutronPort };
        },
      );
    },
    async listPorts(filter = {}) {
      const query: PortQuery = {};
      if (filter.name !== undefined) {
        if (typeof filter.name !== 'string')
          throw new ValidationError(
            'name',
            'a string',
            `name must be a string (got ${typeof filter.name}); nothing was sent`,
          );
        query.name = filter.name;
      }
      if (filter.id !== undefined)
        query.id = (typeof filter.id === 'string' ? [filter.id] : [...filter.id]).map(checkPortId);
      const context = { ...base, operation: 'ListPorts', subject: 'ports', ids: [], signal: filter.signal };
      const request = requests.listPorts(query);
      return exchange<NeutronPort[]>(
        context,
        (signal) => send(request, signal),
        ({ response, text }) => {
          if (!response.ok) return { error: toNeutronError('', response, errorBody(text), 'ListPorts') };
          const ports = field(text, 'ports');
          if (!Array.isArray(ports)) return { error: unexpectedAnswer(context, response, '{"ports": […]}') };
          const fault = portsFault(ports, query);
          if (fault !== undefined) return { error: unexpectedAnswer(context, response, `{"ports": […]} (${fault})`) };
          return { value: ports as NeutronPort[] };
        },
      );
    },
  };
}
