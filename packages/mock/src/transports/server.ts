// startMock(): one mock's engine behind its own node:http server, ready when it resolves. This
// module only turns an IncomingMessage into the engine's Arrival and its Reply into bytes.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../body.js';
import { createEngine, type MockOptions, type ModeOptions } from '../engine/create-engine.js';
import type { Reply } from '../engine/reply.js';
import type { RunningMock } from '../running-mock.js';
import type { StatefulMock } from '../stateful-mock.js';
import { resetPartWay } from './socket-reset.js';

export interface StartMockOptions extends MockOptions {
  /** 0 (the default) picks a free ephemeral port. */
  port?: number;
  host?: string;
}

/**
 * Request headers as the engine reads them: lower-cased names, one string value each. A header
 * sent twice is its values joined with ', ' (Node would keep the first Authorization), as a
 * fetch Headers holds it: the same on every way in.
 */
function flatHeaders(req: IncomingMessage): Record<string, string> {
  // No prototype: a header named like an Object.prototype member reads nothing inherited.
  // Read off rawHeaders as Node builds headersDistinct from them (names lower-cased, first
  // occurrence first), without its array per header.
  const headers: Record<string, string> = Object.create(null);
  const raw = req.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

function send(res: ServerResponse, reply: Reply) {
  // A fault that drops the connection: no answer at all.
  if (reply.kind === 'dropped') return void res.socket?.destroy();
  if (reply.kind === 'reset') return resetPartWay(res, reply);
  res.writeHead(reply.status, reply.headers);
  res.end(reply.body);
}

export function startMock(options: StartMockOptions & ModeOptions & { mode: 'stateful' }): Promise<StatefulMock>;
export function startMock(options: StartMockOptions & ModeOptions): Promise<RunningMock>;
export async function startMock(options: StartMockOptions & ModeOptions): Promise<RunningMock | StatefulMock> {
  const { port = 0, host = '127.0.0.1' } = options;
  // A malformed seed or control token throws here, before anything listens.
  const engine = await createEngine(options);

  const server = createServer(
    { requestTimeout: 10_000, headersTimeout: 5_000, keepAliveTimeout: 5_000 },
    (req, res) => {
      let bodyRead = false;
      engine
        .handle({
          // A request a server receives always has its url and method.
          method: req.method!,
          target: req.url!,
          headers: flatHeaders(req),
          readBody: () => {
            bodyRead = true;
            return readBody(req);
          },
        })
        .then((reply) => {
          // A preflight's body (if any) is not read: let it through so the connection can go on.
          if (!bodyRead) req.resume();
          send(res, reply);
          // A log sink that throws: this answer is out, the connection ends with it.
          if (reply.logFailed) res.destroy();
        })
        .catch(() => res.destroy());
    },
  );
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const running: RunningMock = {
    api: engine.api,
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return engine.methods ? { ...running, ...engine.methods } : running;
}
