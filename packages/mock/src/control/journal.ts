// The journal: one line per API request the mock answered (control-plane calls have their own,
// control-journal.ts), so a consumer's test can assert "my script released exactly these ids,
// once each". Bounded in entries and in bytes: nothing a client sends can grow it further.
import { type Answer, type AnswerFault, FAULT_EFFECTS, type Finding, statusHeld } from '../answer.js';
import type { Incoming, Validated } from '../request.js';
import { utf8Length } from '../utf8.js';

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
  /** null when a fault left the client without a complete answer (drop, applyThenDrop, empty, reset). */
  status: number | null;
  /**
   * Zenlayer's code, Neutron's type, or null (a success); for a fault that broke the connection
   * 'dropped' (drop, applyThenDrop, empty), 'reset' or 'malformed'.
   */
  code: string | null;
  /** The request id the answer carried (Zenlayer requestId, Neutron X-Openstack-Request-Id). */
  requestId: string | null;
  /**
   * The validation verdict: whether the request passed routing, credentials and the spec's
   * validation, so that the answer step (the inventory, the examples, a fault) answered it.
   */
  valid: boolean;
  /** On an invalid line, when known: where it was refused, and the spec's keyword and field. */
  finding?: Finding;
  /** Set when a queued fault made this answer (see ANSWER_FAULTS). */
  fault?: AnswerFault;
  /** How long a fault's delay held the answer back, in ms. */
  delayMs?: number;
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

export const cut = (text: string) =>
  text.length > MAX_JOURNALED_CHARS ? `${text.slice(0, MAX_JOURNALED_CHARS)}…` : text;

const ID_KEY = /Ids?$/;

/** The ids a validated request names: `instanceIds`, `diskId`, `portIds`, …, or `/ports/<id>`. */
export function idsOf(request: Validated): string[] {
  const inPath = request.params.port_id;
  if (inPath !== undefined) return [cut(inPath)];
  // Validation held the body to its documented fields, so every *Id / *Ids key is a resource id.
  // A request without a body (a Neutron GET) names none.
  const body = (request.json ?? {}) as Record<string, unknown>;
  const ids: string[] = [];
  for (const key of Object.keys(body)) {
    if (!ID_KEY.test(key)) continue;
    for (const id of [body[key]].flat()) if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

function codeOf(body: unknown): string | null {
  const b = body as { code?: unknown; NeutronError?: { type?: unknown }; error?: { title?: unknown } } | undefined;
  const code = b?.code ?? b?.NeutronError?.type ?? b?.error?.title;
  return typeof code === 'string' ? code : null;
}

/** The time now as ISO text; built once per millisecond, however many lines are journaled in it. */
let isoMs = Number.NaN;
let iso = '';
function isoNow(): string {
  const ms = Date.now();
  if (ms !== isoMs) {
    isoMs = ms;
    iso = new Date(ms).toISOString();
  }
  return iso;
}

export class Journal {
  // A queue with a moving head: dropping the oldest line is O(1), the array compacted now and then.
  // Each line is kept as its JSON: one string the garbage collector never looks into, where an
  // entry object, its ids array and its strings were several (100,000 lines: about 400,000
  // objects to mark on every full collection under load). Reading parses them, which is rare,
  // and each read gets lines of its own to change.
  #lines: (string | undefined)[] = [];
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
    const { fault, finding, delayMs } = answer;
    // A connection a fault broke left the client no answer: no status, and no request id (Neutron's
    // finish step put one in a header the client never got whole). A malformed answer is a 200 whose
    // body the client cannot read: its request id is lost with it.
    const wire = fault && FAULT_EFFECTS[fault].wire;
    const requestId = wire
      ? null
      : ((answer.body as { requestId?: unknown } | undefined)?.requestId ?? answer.headers?.['x-openstack-request-id']);
    // Built field by field (the order JSON and the tests see): spreading optional parts into a
    // literal cost more than the rest of the line.
    const entry: JournalEntry = {
      time: isoNow(),
      method: incoming.method,
      path: cut(incoming.rawQuery ? `${incoming.rawPath}?${incoming.rawQuery}` : incoming.rawPath),
      operation: answer.operation ?? null,
      ids: validated ? idsOf(validated).map(cut) : [],
      status: statusHeld(answer),
      code: wire ?? codeOf(answer.body),
      requestId: typeof requestId === 'string' ? requestId : null,
      valid: validated !== undefined,
    };
    if (!validated && finding)
      entry.finding = {
        stage: finding.stage,
        ...(finding.keyword !== undefined && { keyword: cut(finding.keyword) }),
        ...(finding.field !== undefined && { field: cut(finding.field) }),
      };
    if (fault) entry.fault = fault;
    if (delayMs !== undefined) entry.delayMs = delayMs;
    const line = JSON.stringify(entry);
    // Its size as served: the UTF-8 bytes of its JSON.
    const size = utf8Length(line);
    this.#lines.push(line);
    this.#sizes.push(size);
    this.#bytes += size;
    while (this.#lines.length - this.#head > this.limit.entries || this.#bytes > this.limit.bytes) this.#dropOldest();
  }

  /** The lines kept, oldest first; with a filter, only those it matches (see journal-filter.ts). */
  list(filter?: (entry: JournalEntry) => boolean): JournalEntry[] {
    const kept = this.#kept();
    return filter ? kept.filter(filter) : kept;
  }

  count(filter: (entry: JournalEntry) => boolean): number {
    let n = 0;
    for (let i = this.#head; i < this.#lines.length; i++) if (filter(JSON.parse(this.#lines[i]!))) n++;
    return n;
  }

  bounds(): JournalBounds {
    return { limit: { ...this.limit }, bytes: this.#bytes, dropped: this.#dropped };
  }

  clear() {
    this.#lines = [];
    this.#sizes = [];
    this.#head = 0;
    this.#bytes = 0;
    this.#dropped = 0;
  }

  #kept(): JournalEntry[] {
    const kept: JournalEntry[] = [];
    for (let i = this.#head; i < this.#lines.length; i++) kept.push(JSON.parse(this.#lines[i]!));
    return kept;
  }

  #dropOldest() {
    this.#bytes -= this.#sizes[this.#head]!;
    this.#lines[this.#head] = undefined;
    this.#head++;
    this.#dropped++;
    // Compacted once the dropped part is the larger half: amortised O(1) a line.
    if (this.#head * 2 > this.#lines.length) {
      this.#lines = this.#lines.slice(this.#head);
      this.#sizes = this.#sizes.slice(this.#head);
      this.#head = 0;
    }
  }
}
