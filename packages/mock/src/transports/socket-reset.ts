// A reset on a socket: what a client meets when a proxy or the network fails part way through
// an answer. The head goes out as node:http would write it, its Content-Length promising the
// whole body, then the first half of the body, then a TCP reset.
import { type ServerResponse, STATUS_CODES } from 'node:http';
import { type Reply, resetShare } from '../engine/reply.js';

/**
 * How long a reset waits after the first half of the answer is written, so the client has read
 * those bytes before the reset reaches it (a reset that arrives first discards them).
 */
const RESET_PAUSE_MS = 10;

export function resetPartWay(res: ServerResponse, reply: Extract<Reply, { kind: 'reset' }>): void {
  const socket = res.socket;
  if (!socket) return;
  // The engine makes every header itself; CR and LF are dropped all the same, so no value can end the head early.
  const lines = Object.entries(reply.headers).map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, '')}\r\n`);
  const head = Buffer.from(
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status] ?? ''}\r\n${lines.join('')}\r\n`,
    'latin1',
  );
  const sent = reply.body
    ? Buffer.concat([head, Buffer.from(resetShare(reply.body))])
    : head.subarray(0, Math.ceil(head.length / 2));
  socket.write(sent, () => setTimeout(() => socket.resetAndDestroy(), RESET_PAUSE_MS));
}
