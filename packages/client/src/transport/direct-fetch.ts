// Request bodies, owned in one place: the client registers a body once per call, the signer
// claims it for the Request it signs (so nothing is cloned to read it), and directFetch sends
// that very string. Why directFetch: openapi-fetch hands `fetch` a Request, and undici then
// copies that Request's body stream — about 60 µs a call on Node 20, more than the client's own
// work (BENCHMARKS.md). When the body is known as a string (or there is none), it sends the
// same request as url + init.

/** Bodies of requests about to be sent, keyed by their Request. */
export type KnownBodies = WeakMap<Request, string>;

export function directFetch(base: typeof globalThis.fetch, bodies: KnownBodies): typeof globalThis.fetch {
  return (input, init) => {
    if (!(input instanceof Request) || init !== undefined) return base(input, init);
    const body = input.body === null ? undefined : bodies.get(input);
    if (input.body !== null && body === undefined) return base(input);
    return base(input.url, {
      method: input.method,
      headers: input.headers,
      signal: input.signal,
      redirect: input.redirect,
      ...(body !== undefined && { body }),
    });
  };
}

export interface BodyRegistry {
  /** Records the serialized body of a call, keyed by the params object openapi-fetch hands back. */
  register(params: object, body: string): void;
  /** The body registered for `params`, now also known for `request`; throws if none was. */
  claim(params: object, request: Request): string;
  /** `base` wrapped by {@link directFetch} over the claimed bodies. */
  fetch: typeof globalThis.fetch;
}

export function bodyRegistry(base: typeof globalThis.fetch): BodyRegistry {
  const byParams = new WeakMap<object, string>();
  const byRequest: KnownBodies = new WeakMap();
  return {
    register: (params, body) => void byParams.set(params, body),
    claim(params, request) {
      const body = byParams.get(params);
      if (body === undefined) throw new Error(`request to ${request.url} has no registered body`);
      byRequest.set(request, body);
      return body;
    },
    fetch: directFetch(base, byRequest),
  };
}
