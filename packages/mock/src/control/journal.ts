// The journal: one line per API request the mock answered (control-plane calls have their own,
// control-journal.ts), so a consumer's test can assert "my script released exactly these ids,
// once each". Bounded in entries and in bytes: nothing a client sends can grow it further.
import type { Answer } from '../answer.js';
import type { Incoming, Validated } from '../request.js';

export interface JournalEntry {
  /** ISO time the answer was sent. */
  time: string;
  method: string;
  /** The path as sent, with its query (at most MAX_JOURNALED_CHARS characters). */
  path: string;
  /** The spec's operationId, when the request was routed to one. */
  operation: string | null;
  /**
   * The resource ids of a request that passed validation (body fields *Id / *Ids of its
   * documented body, or the port id in the path); none for a refused one (401, 400, …).
   */
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

/** What GET /__mock/requests says about the journal's bound besides its lines. */
export interface JournalBounds {
  limit: { entries: number; bytes: number };
  /** The lines kept, in bytes of their JSON. */
  bytes: number;
  /** Lines dropped (oldest first) to stay within the limit since the journal was last cleared. */
  dropped: number;
}

/** The journal keeps the newest entries only, so a mock under load for hours stays bounded. */
export const JOURNAL_LIMIT = 100_000;
/** … and at most this many bytes of lines (their JSON, as GET /__mock/requests serves them). */
export const JOURNAL_BYTE_LIMIT = 32 * 1024 * 1024;
/** A journaled id or path longer than this is cut here and ends with '…'. */
export const MAX_JOURNALED_CHARS = 256;

const cut = (text: string) => (text.length > MAX_JOURNALED_CHARS ? `${text.slice(0, MAX_JOURNALED_CHARS)}…` : text);

/** The ids a validated request names: `instanceIds`, `diskId`, `portIds`, …, or `/ports/<id>`. */
export function idsOf(request: Validated): string[] {
  const inPath = request.params.port_id;
  if (inPath !== undefined) return [cut(inPath)];
  // Validation held the body to its documented fields, so every *Id / *Ids key is a resource id.
  // A request without a body (a Neutron GET) names none.
  const body = (request.json ?? {}) as Record<string, unknown>;
  return Object.entries(body).flatMap(([key, value]) =>
    /Ids?$/.test(key) ? [value].flat().filter((id): id is string => typeof id === 'string') : [],
  );
}

function codeOf(body: unknown): string | null {
  const b = body as { code?: unknown; NeutronError?: { type?: unknown }; error?: { title?: unknown } } | undefined;
  const code = b?.code ?? b?.NeutronError?.type ?? b?.error?.title;
  return typeof code === 'string' ? code : null;
}

/** An entry's size as served: its JSON's UTF-8 bytes. */
const sizeOf = (entry: JournalEntry) => Buffer.byteLength(JSON.stringify(entry));

export class Journal {
  // A queue with a moving head: dropping the oldest line is O(1), the array compacted now and then.
  #entries: (JournalEntry | undefined)[] = [];
  #sizes: number[] = [];
  #head = 0;
  #bytes = 0;
  #dropped = 0;

  constructor(
    private readonly limit: { entries: number; bytes: number } = {
      entries: JOURNAL_LIMIT,
      bytes: JOURNAL_BYTE_LIMIT,
    },
  ) {}

  /** `validated` is the request as validation passed it, when it did: only then are ids journaled. */
  record(incoming: Incoming, answer: Answer, validated?: Validated) {
    const fault = answer.fault;
    // A dropped connection sent nothing: no status, and no request id (Neutron's finish step
    // put one in a header that was never written).
    const dropped = fault === 'drop' || fault === 'applyThenDrop';
    const requestId = dropped
      ? null
      : ((answer.body as { requestId?: unknown } | undefined)?.requestId ?? answer.headers?.['x-openstack-request-id']);
    const entry: JournalEntry = {
      time: new Date().toISOString(),
      method: incoming.method,
      path: cut(incoming.rawQuery ? `${incoming.rawPath}?${incoming.rawQuery}` : incoming.rawPath),
      operation: answer.operation ?? null,
      ids: validated ? idsOf(validated).map(cut) : [],
      status: dropped ? null : answer.status,
      code: dropped ? 'dropped' : codeOf(answer.body),
      requestId: typeof requestId === 'string' ? requestId : null,
      ...(fault && { fault }),
    };
    const size = sizeOf(entry);
    this.#entries.push(entry);
    this.#sizes.push(size);
    this.#bytes += size;
    while (this.#entries.length - this.#head > this.limit.entries || this.#bytes > this.limit.bytes) this.#dropOldest();
  }

  list(): JournalEntry[] {
    return this.#kept().map((e) => ({ ...e, ids: [...e.ids] }));
  }

  bounds(): JournalBounds {
    return { limit: { ...this.limit }, bytes: this.#bytes, dropped: this.#dropped };
  }

  clear() {
    this.#entries = [];
    this.#sizes = [];
    this.#head = 0;
    this.#bytes = 0;
    this.#dropped = 0;
  }

  #kept(): JournalEntry[] {
    return this.#entries.slice(this.#head) as JournalEntry[];
  }

  #dropOldest() {
    this.#bytes -= this.#sizes[this.#head]!;
    this.#entries[this.#head] = undefined;
    this.#head++;
    this.#dropped++;
    // Compacted once the dropped part is the larger half: amortised O(1) a line.
    if (this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#sizes = this.#sizes.slice(this.#head);
      this.#head = 0;
    }
  }
}
