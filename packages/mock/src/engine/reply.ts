// What the engine hands back to a transport: the status, every header and the body text as
// they go on the wire; or that nothing goes (a fault dropped the connection); or that the
// connection breaks part way through (a reset). Each way in plays these alike, as its medium
// allows: a socket, a fetch Response, an MSW answer.
import { type Answer, FAULT_EFFECTS, statusHeld } from '../answer.js';
import { CONTROL_HEADERS } from '../control/plane.js';
import { CORS_HEADERS } from '../cors.js';
import { utf8Length } from '../utf8.js';

interface Sent {
  status: number;
  /** Lower-cased names; content-type and content-length with a body. */
  headers: Record<string, string>;
  /** JSON text, or none (a 204). */
  body: string | undefined;
  /** The log sink threw: the server closes the connection once this is sent. */
  logFailed?: true;
}

export type Reply =
  | ({ kind: 'answer' } & Sent)
  /**
   * A fault: the head (its Content-Length promising the whole body) and the first half of the
   * body, then the connection resets. An answer without a body is cut inside its head.
   */
  | ({ kind: 'reset' } & Sent)
  /** A fault: no answer at all, as when a proxy or the network fails (applyThenDrop, empty: after the action was applied). */
  | { kind: 'dropped'; logFailed?: true };

/** The bytes of a reset's body that go out before the connection breaks: the first half. */
export const resetShare = (body: string) => body.slice(0, Math.ceil(body.length / 2));

function sent(status: number, base: Record<string, string>, extra: Answer['headers'], body: string | undefined): Sent {
  return {
    status,
    headers: {
      ...base,
      ...extra,
      ...(body !== undefined && {
        'content-type': extra?.['content-type'] ?? 'application/json',
        'content-length': String(utf8Length(body)),
      }),
    },
    body,
  };
}

/** The answer as it goes on the wire; `cors` false for the control plane, which no page on another origin may read or embed. */
export function replyTo(answer: Answer, cors: boolean): Reply {
  const base = cors ? CORS_HEADERS : CONTROL_HEADERS;
  // JSON.stringify(undefined) is undefined: no body.
  const body = JSON.stringify(answer.body) as string | undefined;
  switch (answer.fault && FAULT_EFFECTS[answer.fault].wire) {
    case 'dropped':
      return { kind: 'dropped' };
    case 'reset':
      return { kind: 'reset', ...sent(answer.status, base, answer.headers, body) };
    case 'malformed':
      // A complete 200 whose body is never JSON: the first half of the answer's (the object is
      // not closed), or `{` for an answer without a body.
      return {
        kind: 'answer',
        ...sent(200, base, { 'content-type': 'application/json' }, body ? resetShare(body) : '{'),
      };
    default:
      return { kind: 'answer', ...sent(answer.status, base, answer.headers, body) };
  }
}

/** The log line's outcome: the status and note, and for a broken connection what the client got instead. */
export function loggedOutcome(answer: Answer): string {
  const { fault, status, note } = answer;
  const logged = fault && FAULT_EFFECTS[fault].logged;
  return logged ? `${statusHeld(answer) ?? 0} ${logged} after ${status} ${note}` : `${status} ${note}`;
}
