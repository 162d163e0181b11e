// A request as a transport hands it to the engine: what every way in (a socket, a fetch call,
// an MSW handler) can say about a request before its body is read. The body is read on the
// engine's demand, so the stateful mode numbers a request as it arrives (see state/inventory.ts),
// and a preflight is answered without reading one.
import type { Body } from '../body.js';

export interface Arrival {
  method: string;
  /** The request target as sent: the path and the query (`/v2.0/ports?x=1`), not percent-decoded. */
  target: string;
  /**
   * Lower-cased names, one string value each (repeats joined with ', '), in an object without a
   * prototype; `host` is the authority the request was sent to (Zenlayer's signature covers it).
   */
  headers: Record<string, string>;
  /** Reads the whole body under BODY_LIMIT_BYTES; rejects when the request went away mid-body. */
  readBody(): Promise<Body>;
}
