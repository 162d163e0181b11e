// One request on the wire, and its answer. The ergonomic clients send with the caller's fetch
// directly, as url + init, with the very string they serialized (and signed) as the body: a
// Request built first would have its body stream copied by undici (about 60 µs a call on Node
// 20), and the signer would need the body back from it. A redirect is never followed: it would
// re-send the call, and its credentials, to wherever it points.
import { type Answer, readAnswer } from './response-limit.js';

export interface WireRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Absolute, query included. */
  url: string;
  headers: Record<string, string>;
  /** The exact bytes to send, as a string (UTF-8 on the wire); none for GET and DELETE. */
  body?: string;
}

/** Sends one request (one attempt) and reads its answer within the response limit. */
export type Send = (request: WireRequest, signal: AbortSignal) => Promise<Answer>;

export function sender(fetch: typeof globalThis.fetch, maxResponseBytes: number): Send {
  return async ({ method, url, headers, body }, signal) => {
    const init: RequestInit = { method, headers, signal, redirect: 'manual' };
    if (body !== undefined) init.body = body;
    return readAnswer(await fetch(url, init), maxResponseBytes);
  };
}

/** An error answer's body as the error readers take it: its JSON, or else its text. */
export function errorBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON (an HTML page, a note, nothing at all): the text itself.
    return text;
  }
}

/** `baseUrl` and `path` joined as openapi-fetch joins them: one trailing slash of the base dropped. */
export const joinUrl = (baseUrl: string, path: string): string => `${baseUrl.replace(/\/$/, '')}${path}`;
