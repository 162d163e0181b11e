// A server that answers every request with its status and headers and the first bytes of a
// body, then writes nothing more and never ends it: a client that waits for the rest of such
// a body waits until its own timeout.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StallingServer {
  url: string;
  close(): Promise<void>;
}

export async function startStallingServer(
  status: number,
  headers: Record<string, string>,
  firstBytes = 'x'.repeat(64),
): Promise<StallingServer> {
  const server = createServer((req, res) => {
    req.resume();
    res.writeHead(status, headers);
    res.write(firstBytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
