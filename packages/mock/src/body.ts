// Reading a request body with a limit. Oversized bodies are drained, not stored, so the
// client gets a prompt answer instead of a reset connection while it is still uploading.
import type { IncomingMessage } from 'node:http';
import { concatBytes, utf8Bytes, utf8Length, utf8Text } from './utf8.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;
// Past this the client is misbehaving; stop draining and drop the connection.
export const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export type Body = { kind: 'ok'; bytes: Uint8Array } | { kind: 'too-large'; size: number };

/** A node:http request's body; rejects when the connection goes away before its end. */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    let ended = false;
    req.on('end', () => {
      ended = true;
      resolve(size > limit ? { kind: 'too-large', size } : { kind: 'ok', bytes: Buffer.concat(chunks) });
    });
    req.on('error', reject);
    // Destroyed without an error (past the drain limit): settled, so the request's life ends.
    // After 'end' there is nothing to settle (and no Error, with its stack, to build per request).
    req.on('close', () => {
      if (!ended) reject(new Error('the connection closed before the body was read'));
    });
  });
}

/** The request went away before its body was read whole (the fetch way in past the drain limit). */
export class BodyAbandoned extends Error {}
const abandoned = () => new BodyAbandoned(`the request body is over ${DRAIN_LIMIT_BYTES} bytes`);

/** A fetch Request's body, read like readBody reads a socket's. */
export async function readStreamBody(
  stream: ReadableStream<Uint8Array> | null,
  limit = BODY_LIMIT_BYTES,
): Promise<Body> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (stream) {
    const reader = stream.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size <= limit) chunks.push(read.value);
      else if (size > DRAIN_LIMIT_BYTES) {
        await reader.cancel();
        throw abandoned();
      }
    }
  }
  return size > limit ? { kind: 'too-large', size } : { kind: 'ok', bytes: concatBytes(chunks, size) };
}

/**
 * A body given whole as a string (a fetch's JSON), read as readStreamBody reads one that streams
 * in. It is measured, not encoded, until it is known to be within the limit: a refused 60 MiB
 * string costs no 60 MiB copy.
 */
export function textBody(text: string, limit = BODY_LIMIT_BYTES): Body {
  const size = utf8Length(text);
  if (size > DRAIN_LIMIT_BYTES) throw abandoned();
  return size > limit ? { kind: 'too-large', size } : { kind: 'ok', bytes: utf8Bytes(text) };
}

export type Json = { kind: 'json'; value: unknown } | { kind: 'empty' } | { kind: 'malformed'; reason: string };

export function parseJson(bytes: Uint8Array): Json {
  const text = utf8Text(bytes);
  if (text.trim() === '') return { kind: 'empty' };
  try {
    return { kind: 'json', value: JSON.parse(text) };
  } catch (error) {
    return { kind: 'malformed', reason: (error as Error).message };
  }
}

/** 'object', 'array', 'null', 'string', … — for messages about what was sent instead. */
export function jsonKind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** The media type of a Content-Type header, lower-cased, without parameters (none without one). */
export function mediaType(header: string | undefined): string | undefined {
  return header === undefined ? undefined : header.split(';')[0]!.trim().toLowerCase();
}
