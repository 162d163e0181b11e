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
