// The journal: one line per request the mock answered (control-plane calls excluded), so a
// consumer's test can assert "my script released exactly these ids, once each".
import type { Answer } from '../answer.js';
import type { Incoming } from '../request.js';

export interface JournalEntry {
  /** ISO time the answer was sent. */
  time: string;
  method: string;
  /** The path as sent, with its query. */
  path: string;
  /** The spec's operationId, when the request was routed to one. */
  operation: string | null;
  /** The resource ids the request named (body fields *Id / *Ids, or the port id in the path). */
  ids: string[];
  /** null when the connection was dropped by a fault. */
  status: number | null;
  /** Zenlayer's code, Neutron's type, or null (a success). */
  code: string | null;
  /** The request id the answer carried (Zenlayer requestId, Neutron X-Openstack-Request-Id). */
  requestId: string | null;
  /** Set when a queued fault made this answer: 'status', 'latency', 'drop' or 'applyThenDrop'. */
  fault?: 'status' | 'latency' | 'drop' | 'applyThenDrop';
}

const PORT_IN_PATH = /\/ports\/([^/?]+)$/;

/** A path segment decoded; one with a malformed percent-encoding as sent (the request is a 400,
 * and its journal line must still be written, not turn it into a mock failure). */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The ids a request names, provider-agnostic: `instanceIds`, `diskId`, `portIds`, …, or `/ports/<id>`. */
export function idsOf(incoming: Incoming): string[] {
  const inPath = PORT_IN_PATH.exec(incoming.rawPath)?.[1];
  if (inPath) return [decoded(inPath)];
  if (incoming.body.kind !== 'ok') return [];
  const text = incoming.body.bytes.toString('utf8');
  // No ids from a body that is empty, not JSON, or null (each throws here); a JSON array,
  // string or number has no key that ends in Id or Ids.
  try {
    return Object.entries(JSON.parse(text)).flatMap(([key, value]) =>
      /Ids?$/.test(key) ? [value].flat().filter((id): id is string => typeof id === 'string') : [],
    );
  } catch {
    return [];
  }
}

function codeOf(body: unknown): string | null {
  const b = body as { code?: unknown; NeutronError?: { type?: unknown }; error?: { title?: unknown } } | undefined;
  const code = b?.code ?? b?.NeutronError?.type ?? b?.error?.title;
  return typeof code === 'string' ? code : null;
}

/** The journal keeps the newest entries only, so a mock under load for hours stays bounded. */
export const JOURNAL_LIMIT = 100_000;

export class Journal {
  readonly #entries: JournalEntry[] = [];

  record(incoming: Incoming, answer: Answer, fault?: JournalEntry['fault']) {
    // A dropped connection sent nothing: no status, and no request id (Neutron's finish step
    // put one in a header that was never written).
    const dropped = fault === 'drop' || fault === 'applyThenDrop';
    const requestId = dropped
      ? null
      : ((answer.body as { requestId?: unknown } | undefined)?.requestId ?? answer.headers?.['x-openstack-request-id']);
    this.#entries.push({
      time: new Date().toISOString(),
      method: incoming.method,
      path: incoming.rawQuery ? `${incoming.rawPath}?${incoming.rawQuery}` : incoming.rawPath,
      operation: answer.operation ?? null,
      ids: idsOf(incoming),
      status: dropped ? null : answer.status,
      code: dropped ? 'dropped' : codeOf(answer.body),
      requestId: typeof requestId === 'string' ? requestId : null,
      ...(fault && { fault }),
    });
    // Trimmed in chunks, not per entry: dropping the oldest one at a time would cost O(n) each.
    // (A tenth over the limit in integers: JOURNAL_LIMIT * 1.1 is 110000.00000000001.)
    if (this.#entries.length > JOURNAL_LIMIT + JOURNAL_LIMIT / 10)
      this.#entries.splice(0, this.#entries.length - JOURNAL_LIMIT);
  }

  list(): JournalEntry[] {
    return this.#entries.map((e) => ({ ...e, ids: [...e.ids] }));
  }

  clear() {
    this.#entries.length = 0;
  }
}
