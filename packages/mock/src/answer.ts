import type { IncomingMessage } from 'node:http';

/** What a provider handler decided to send back, and a short note for the log line. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** The code, type or example that was answered, for the one-line log. */
  note: string;
  /** The operation the request was for, when known. */
  operation?: string;
  /** Stateful mode: a queued fault made this answer; 'drop' closes the connection unanswered. */
  fault?: 'status' | 'latency' | 'drop';
}

/** Request headers as Prism wants them: lower-cased names, single string values. */
export function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}
