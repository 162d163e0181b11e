// A fetch stub that records what a client would have put on the wire, in the same shape as
// the capture server's records, and answers with one fixed response.
import type { Captured } from './capture-server.js';

export function captureFetch(status = 200, body: unknown = { requestId: 'T1', response: { requestId: 'T1' } }) {
  const calls: Captured[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const bytes = Buffer.from(await request.arrayBuffer());
    let json: unknown;
    try {
      json = JSON.parse(bytes.toString());
    } catch {
      json = undefined;
    }
    const url = new URL(request.url);
    calls.push({
      method: request.method,
      path: url.pathname + url.search,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: bytes,
      json,
    });
    return status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetch };
}
