// What the engine hands back to a transport: the status, every header and the body text as
// they go on the wire, or that nothing goes (a fault dropped the connection).
import type { Answer } from '../answer.js';
import { CONTROL_HEADERS } from '../control/plane.js';
import { CORS_HEADERS } from '../cors.js';

export type Reply =
  | {
      kind: 'answer';
      status: number;
      /** Lower-cased names; content-type and content-length with a body. */
      headers: Record<string, string>;
      /** JSON text, or none (a 204). */
      body: string | undefined;
      /** The log sink threw: the server closes the connection once this is sent. */
      logFailed?: true;
    }
  /** A fault: no answer at all, as when a proxy or the network fails (applyThenDrop: after the action was applied). */
  | { kind: 'dropped'; logFailed?: true };

/** The answer as it goes on the wire; `cors` false for the control plane, which no page on another origin may read or embed. */
export function replyTo(answer: Answer, cors: boolean): Reply {
  if (answer.fault === 'drop' || answer.fault === 'applyThenDrop') return { kind: 'dropped' };
  // JSON.stringify(undefined) is undefined: no body.
  const body = JSON.stringify(answer.body) as string | undefined;
  return {
    kind: 'answer',
    status: answer.status,
    headers: {
      ...(cors ? CORS_HEADERS : CONTROL_HEADERS),
      ...answer.headers,
      ...(body !== undefined && {
        'content-type': answer.headers?.['content-type'] ?? 'application/json',
        'content-length': String(Buffer.byteLength(body)),
      }),
    },
    body,
  };
}
