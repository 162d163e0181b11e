// The request as it moves along the request path (pipeline.ts): off the wire, routed, validated.
// A leaf module: the path, the providers' stages and the control plane all read these types.
import type { Body } from './body.js';

/** A request as it came off the wire: the raw (undecoded) path, headers and body. */
export interface Incoming {
  method: string;
  /** The path as sent, without the query, not percent-decoded. */
  rawPath: string;
  /** The query string as sent, without the '?' ('' when none). */
  rawQuery: string;
  headers: Record<string, string>;
  body: Body;
}

/** A request the provider routed to one of the spec's operations. */
export interface Routed extends Incoming {
  /** The spec's operationId, e.g. ReleaseInstances, DeletePort. */
  operation: string;
  /** The path Prism routes on (decoded), e.g. /v2.0/ports/<id>. */
  path: string;
  /** Path parameters, e.g. { port_id }. */
  params: Record<string, string>;
}

/** The documented answer Prism picked for a valid request (or the one `Prefer` asked for). */
export interface Example {
  status: number;
  headers: Record<string, string>;
  body: unknown;
  /** The example's name when `Prefer` named one. */
  name?: string;
}

/** A request that passed validation, with its parsed JSON body and the spec's example. */
export interface Validated extends Routed {
  json: unknown;
  example: Example;
}
