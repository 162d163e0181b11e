// A fetch stub that records what a client would have put on the wire.
export interface Captured {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export function captureFetch(status = 200, body: unknown = { requestId: 'T1', response: { requestId: 'T1' } }) {
  const calls: Captured[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    calls.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body: await request.text(),
    });
    return status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { calls, fetch };
}
