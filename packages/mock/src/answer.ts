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
   * Stateful mode: a queued fault made this answer. A transport interprets the ones that break
   * the connection (see WIRE_FAULTS); 'status' and 'latency' are answers like any other.
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
 * What a queued fault did to an answer. 'drop': the connection closed before anything was
 * applied, nothing sent. The others are made after the action was applied: 'applyThenDrop' and
 * 'empty' close the connection with nothing sent; 'reset' sends the first half of the answer's
 * bytes, then resets the connection (TCP RST); 'malformed' sends a 200 whose body is not JSON.
 */
export const ANSWER_FAULTS = ['status', 'latency', 'drop', 'applyThenDrop', 'reset', 'empty', 'malformed'] as const;
export type AnswerFault = (typeof ANSWER_FAULTS)[number];

/** The faults after which the client holds no complete answer (its journal line has no status). */
export const UNANSWERED: ReadonlySet<AnswerFault> = new Set(['drop', 'applyThenDrop', 'empty', 'reset']);

/** Where the request path refused a request, and for the spec's own findings the rule and field. */
export interface Finding {
  stage: 'route' | 'credentials' | 'validation';
  /** The JSON Schema keyword the spec's validation found broken: required, type, maxItems, … */
  keyword?: string;
  /** The field it is about, as the error message names it: instanceIds[3], X-ZC-Version, limit. */
  field?: string;
}
