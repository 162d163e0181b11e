// openapi-fetch hands `fetch` a Request, and undici then copies that Request's body stream:
// about 60 µs a call on Node 20, more than the client's own work (BENCHMARKS.md). When the
// body is known as a string (or there is none), this sends the same request as url + init.

/** Bodies of requests about to be sent, registered by the client's middleware. */
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
