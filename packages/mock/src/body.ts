// Reading a request body with a limit. Oversized bodies are drained, not stored, so the
// client gets a prompt answer instead of a reset connection while it is still uploading.
import type { IncomingMessage } from 'node:http';

export const BODY_LIMIT_BYTES = 1024 * 1024;
// Past this the client is misbehaving; stop draining and drop the connection.
const DRAIN_LIMIT_BYTES = 64 * 1024 * 1024;

export type Body = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large'; size: number };

export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<Body> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DRAIN_LIMIT_BYTES) req.destroy();
    });
    req.on('end', () =>
      resolve(size > limit ? { kind: 'too-large', size } : { kind: 'ok', bytes: Buffer.concat(chunks) }),
    );
    req.on('error', reject);
  });
}

export type Json = { kind: 'json'; value: unknown } | { kind: 'empty' } | { kind: 'malformed'; reason: string };

export function parseJson(bytes: Buffer): Json {
  const text = bytes.toString('utf8');
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
