/** What a provider handler decided to send back, and a short note for the log line. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The code, type or example that was answered, for the one-line log. */
  note: string;
  /** The operation the request was for, when known. */
  operation?: string;
  /**
   * Stateful mode: a queued fault made this answer. A transport plays what it does on the wire
   * (see FAULT_EFFECTS); 'status' and 'latency' are answers like any other.
   */
  fault?: AnswerFault;
  /** How long a fault's delay held this answer back, in ms. */
  delayMs?: number;
  /** Why the request was refused before the answer step (set on route, credential and validation refusals). */
  finding?: Finding;
  /** The mock's own answer (a 418), sent as is: no provider dressing. */
  final?: true;
}

/**
 * What each queued fault does to an answer: what the client gets instead of the answer as made
 * (`wire`: nothing, 'dropped'; the first half of its bytes, then a TCP RST, 'reset'; a 200 whose
 * body is not JSON, 'malformed'), which the journal records as the line's code; and the word the
 * log line names it by. 'drop' closes the connection before anything was applied (its answer is
 * made as a status 0 'dropped'); the others act after the action was applied. 'status' and
 * 'latency' are answers like any other.
 */
const EFFECTS = {
  status: {},
  latency: {},
  drop: { wire: 'dropped' },
  applyThenDrop: { wire: 'dropped', logged: 'dropped' },
  reset: { wire: 'reset', logged: 'reset' },
  empty: { wire: 'dropped', logged: 'empty' },
  malformed: { wire: 'malformed', logged: 'malformed' },
} satisfies Record<string, FaultEffect>;

interface FaultEffect {
  wire?: 'dropped' | 'reset' | 'malformed';
  logged?: string;
}

export type AnswerFault = keyof typeof EFFECTS;
export const FAULT_EFFECTS: Readonly<Record<AnswerFault, FaultEffect>> = EFFECTS;
export const ANSWER_FAULTS = Object.keys(EFFECTS) as AnswerFault[];

/** The status the client holds: none when a fault broke the connection, 200 for a malformed answer. */
export function statusHeld(answer: Answer): number | null {
  const wire = answer.fault && FAULT_EFFECTS[answer.fault].wire;
  if (wire === 'dropped' || wire === 'reset') return null;
  return wire === 'malformed' ? 200 : answer.status;
}

/** Where the request path refused a request, and for the spec's own findings the rule and field. */
export interface Finding {
  stage: 'route' | 'credentials' | 'validation';
  /** The JSON Schema keyword the spec's validation found broken: required, type, maxItems, … */
  keyword?: string;
  /** The field it is about, as the error message names it: instanceIds[3], X-ZC-Version, limit. */
  field?: string;
}
