// Asking the mock for a documented answer: Prism's `Prefer` header, spelled for you.

export interface PreferOptions {
  /** The documented status, e.g. 404. */
  status: number;
  /** The named example under that status: for Zenlayer the error code, for Neutron the type. */
  example?: string;
}

/** `{ Prefer: 'code=404, example=INVALID_DISK_NOT_FOUND' }` — merge into a request's headers. */
export function preferHeader({ status, example }: PreferOptions): { Prefer: string } {
  return { Prefer: example ? `code=${status}, example=${example}` : `code=${status}` };
}

/**
 * A fetch that asks the mock for one documented answer on every request, for clients that
 * take a `fetch` option but no per-call headers.
 */
export function preferringFetch(options: PreferOptions, base: typeof fetch = globalThis.fetch): typeof fetch {
  const { Prefer } = preferHeader(options);
  return (input, init) => {
    const request = new Request(input, init);
    request.headers.set('Prefer', Prefer);
    return base(request);
  };
}
