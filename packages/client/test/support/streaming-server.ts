// A server that answers every request with an endless-looking body (up to `totalBytes`),
// written as fast as the client reads it, and counts what it managed to write: a client
// that stops reading early shows up as few bytes written.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StreamingServer {
  url: string;
  /** Bytes handed to the socket before it closed or the body ended. */
  written(): number;
  /** Resolves when the response has ended or its connection closed. */
  finished: Promise<void>;
  close(): Promise<void>;
}

export async function startStreamingServer(
  status: number,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<StreamingServer> {
  let written = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.on('close', finish);
    const pump = () => {
      while (written < totalBytes && !res.destroyed) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    written: () => written,
    finished,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
