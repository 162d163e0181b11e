// A compression bomb and a real node:http server on 127.0.0.1 that answers with it: a body of a
// few hundred bytes on the wire, with its Content-Length, that decodes to hundreds of MiB. The
// bomb is built in memory with zlib when a test starts (streamed, so building it never holds the
// decoded bytes), so no large fixture is committed.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Transform } from 'node:stream';
import {
  brotliCompressSync,
  constants,
  createBrotliCompress,
  createDeflate,
  createGzip,
  deflateSync,
  gzipSync,
} from 'node:zlib';

/** A Content-Encoding fetch decodes: gzip, deflate (zlib), br. */
export type Coding = 'gzip' | 'deflate' | 'br';

const MiB = 2 ** 20;

function encoder(coding: Coding): Transform {
  if (coding === 'gzip') return createGzip({ level: 9 });
  if (coding === 'deflate') return createDeflate({ level: 9 });
  return createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
}

const encodeSync: Record<Coding, (bytes: Buffer) => Buffer> = {
  gzip: (bytes) => gzipSync(bytes, { level: 9 }),
  deflate: (bytes) => deflateSync(bytes, { level: 9 }),
  br: (bytes) => brotliCompressSync(bytes),
};

/**
 * `json` followed by `padding` bytes of spaces (still valid JSON: a parser skips trailing
 * whitespace), encoded with each of `codings` in turn, as Content-Encoding lists them.
 */
export async function compressionBomb(json: string, padding: number, codings: readonly Coding[]): Promise<Buffer> {
  const [first, ...rest] = codings;
  const stream = encoder(first!);
  const out: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => stream.on('end', resolve));
  stream.write(json);
  const spaces = Buffer.alloc(MiB, 0x20);
  for (let left = padding; left > 0; left -= spaces.length) {
    const ok = stream.write(left >= spaces.length ? spaces : spaces.subarray(0, left));
    if (!ok) await new Promise((resolve) => stream.once('drain', resolve));
  }
  stream.end();
  await ended;
  return rest.reduce<Buffer>((bytes, coding) => encodeSync[coding](bytes), Buffer.concat(out));
}

export interface BombServer {
  url: string;
  /** How many requests it answered. */
  requests(): number;
  close(): Promise<void>;
}

/** Answers every request with `status` and `bomb`, declaring its codings and its (wire) length. */
export async function startBombServer(status: number, bomb: Buffer, codings: readonly Coding[]): Promise<BombServer> {
  let requests = 0;
  const server = createServer((req, res) => {
    req.resume();
    requests++;
    res.writeHead(status, {
      'content-type': 'application/json',
      'content-encoding': codings.join(', '),
      'content-length': String(bomb.length),
    });
    res.end(bomb);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
