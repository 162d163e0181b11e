// A real node:http server on 127.0.0.1 that records every request and answers from a script.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Captured {
  method: string;
  /** The request target as received, e.g. `/api/v2/vm`. */
  path: string;
  /** The full URL, scheme, host and port included. */
  url: string;
  /** Header names lower-cased, as node:http gives them. */
  headers: IncomingHttpHeaders;
  /** The raw body bytes, exactly as received (what a signature must hash). */
  body: Buffer;
  /** The body parsed as JSON, undefined when it is not JSON. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the client sent, field by field.
  json: any;
}

export type Answer = {
  status: number;
  headers?: Record<string, string>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is, instead of `body` (an HTML page, truncated JSON). */
  raw?: string;
  delayMs?: number;
};
/** 'hang': never answer; 'reset': destroy the connection once the request was read. */
export type Reply = Answer | 'hang' | 'reset';

export interface CaptureServer {
  url: string;
  host: string;
  requests: Captured[];
  /** The most requests that were being answered at the same time. */
  maxInFlight: number;
  close(): Promise<void>;
}

export const accepted = (requestId = 'T-OK'): Answer => ({ status: 200, body: { requestId, response: { requestId } } });
export const zenlayerError = (status: number, code: string, requestId = `T-${code}`): Answer => ({
  status,
  body: { requestId, code, message: `${code} happened` },
});

export async function startCaptureServer(
  reply: (request: Captured, index: number) => Reply = () => accepted(),
): Promise<CaptureServer> {
  let inFlight = 0;
  const state = { requests: [] as Captured[], maxInFlight: 0 };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let json: unknown;
      try {
        json = JSON.parse(body.toString());
      } catch {
        json = undefined;
      }
      const captured: Captured = {
        method: req.method!,
        path: req.url!,
        url: `http://${req.headers.host}${req.url}`,
        headers: req.headers,
        body,
        json,
      };
      const answer = reply(captured, state.requests.length);
      state.requests.push(captured);
      if (answer === 'hang') return;
      if (answer === 'reset') return req.socket.destroy();
      inFlight++;
      state.maxInFlight = Math.max(state.maxInFlight, inFlight);
      setTimeout(() => {
        inFlight--;
        const json = answer.body === undefined ? undefined : JSON.stringify(answer.body);
        res
          .writeHead(answer.status, { ...(json && { 'content-type': 'application/json' }), ...answer.headers })
          .end(answer.raw ?? json);
      }, answer.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    get requests() {
      return state.requests;
    },
    get maxInFlight() {
      return state.maxInFlight;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
