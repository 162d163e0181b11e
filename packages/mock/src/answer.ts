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
   * Stateful mode: a queued fault made this answer; 'drop' closes the connection unanswered,
   * 'applyThenDrop' too, after the action was applied.
   */
  fault?: 'status' | 'latency' | 'drop' | 'applyThenDrop';
  /** The mock's own answer (a 418), sent as is: no provider dressing. */
  final?: true;
}
