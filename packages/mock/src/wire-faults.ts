// How the server transport plays an answer a fault broke (answer.fault, see ANSWER_FAULTS), on
// the socket: what a client meets when a proxy or the network fails, the answer lost, cut off
// or garbled. The answer step decided the fault; this module only writes it.
import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Answer } from './answer.js';

/**
 * How long a reset waits after the first half of the answer is written, so the client has read
 * those bytes before the reset reaches it (a reset that arrives first discards them).
 */
const RESET_PAUSE_MS = 10;

/** The answer as an HTTP/1.1 response's head and body, as node:http would write them. */
function wireBytes(answer: Answer, base: Readonly<Record<string, string>>): { head: Buffer; body: Buffer } {
  const body = JSON.stringify(answer.body) as string | undefined;
  const headers: Record<string, string | number> = {
    ...base,
    ...answer.headers,
    ...(body !== undefined && {
      'content-type': answer.headers?.['content-type'] ?? 'application/json',
      'content-length': Buffer.byteLength(body),
    }),
  };
  // The mock makes every header itself; CR and LF are dropped all the same, so no value can end the head early.
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${String(value).replace(/[\r\n]/g, '')}\r\n`);
  const head = `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n${lines.join('')}\r\n`;
  return { head: Buffer.from(head, 'latin1'), body: Buffer.from(body ?? '') };
}

/**
 * Plays the answer's fault when it breaks the connection, and says whether it did (else the
 * caller writes the answer as usual). `base` are the headers every answer of this kind carries.
 * - drop, applyThenDrop, empty: the connection closes, not a byte written.
 * - reset: the status line, the headers (their Content-Length promising the whole body) and the
 *   first half of the body, then a TCP reset: the client's read of the body fails with
 *   ECONNRESET. An answer without a body (a 204) is cut in the middle of its head instead.
 * - malformed: a complete 200 whose body is the first half of the answer's JSON (never JSON:
 *   the object is not closed), or `{` for an answer without a body.
 */
export function playWireFault(res: ServerResponse, answer: Answer, base: Readonly<Record<string, string>>): boolean {
  const socket = res.socket;
  switch (answer.fault) {
    case 'drop':
    case 'applyThenDrop':
    case 'empty':
      socket?.destroy();
      return true;
    case 'reset': {
      const { head, body } = wireBytes(answer, base);
      const sent = body.length
        ? Buffer.concat([head, body.subarray(0, Math.ceil(body.length / 2))])
        : head.subarray(0, Math.ceil(head.length / 2));
      socket?.write(sent, () => setTimeout(() => socket.resetAndDestroy(), RESET_PAUSE_MS));
      return true;
    }
    case 'malformed': {
      const json = JSON.stringify(answer.body) as string | undefined;
      const body = json ? json.slice(0, Math.ceil(json.length / 2)) : '{';
      res.writeHead(200, { ...base, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
      return true;
    }
    default:
      return false;
  }
}

/** The log line's outcome: the status and note, and for a broken connection what the client got instead. */
export function loggedOutcome(answer: Answer): string {
  const { fault, status, note } = answer;
  if (fault === 'applyThenDrop') return `0 dropped after ${status} ${note}`;
  if (fault === 'empty' || fault === 'reset') return `0 ${fault} after ${status} ${note}`;
  if (fault === 'malformed') return `200 malformed after ${status} ${note}`;
  return `${status} ${note}`;
}
