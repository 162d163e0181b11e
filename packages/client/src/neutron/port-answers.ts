// What a port read may answer: the port asked for (show), or only ports that the filter sent
// lets through (list). An answer about another port would be reported as this one — its
// status, its owner, "still there" — so it is refused, as an answer that is not the one asked.
// Ids are UUIDs, compared without case: RFC 4122 reads hex digits either way on input, and
// Neutron answers in lower case whichever case it was asked in.

/** The filters listPorts sent, as sent. */
export interface PortQuery {
  name?: string;
  id?: string[];
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const sameId = (value: unknown, id: string) => typeof value === 'string' && value.toLowerCase() === id.toLowerCase();

/** What makes `port` not the port `id`, naming the field; undefined when it is. */
export function portFault(port: Record<string, unknown>, id: string): string | undefined {
  return sameId(port.id, id) ? undefined : 'port.id is not the id asked for';
}

/** What makes `ports` not the answer to `query`, naming the first port that is not; undefined when it is. */
export function portsFault(ports: readonly unknown[], query: PortQuery): string | undefined {
  for (const [i, port] of ports.entries()) {
    if (!isRecord(port)) return `ports[${i}] is not an object`;
    if (typeof port.id !== 'string') return `ports[${i}].id is not a string`;
    if (query.id && !query.id.some((id) => sameId(port.id, id)))
      return `ports[${i}].id is not one of the ids asked for`;
    if (query.name !== undefined && port.name !== query.name) return `ports[${i}].name is not the name asked for`;
  }
  return undefined;
}
