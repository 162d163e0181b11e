// How the mock reads a request body, as a client sees it: a body up to the 1 MiB limit is read
// whole, a larger one is drained and answered with its size, one past 64 MiB loses its
// connection, and a client that hangs up mid-body takes nothing down.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../src/body.js';
import { nowSeconds, signedHeaders, start } from './support/mocks.js';

const DRAIN_LIMIT = 64 * 1024 * 1024;
const DISK = '{"diskId":"d-1"}';

const releaseDisk = (url: string, body: string) =>
  fetch(`${url}/api/v2/zec`, {
    method: 'POST',
    headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': 'ReleaseDisk' },
    body,
  });

/** POSTs `size` bytes of spaces, streamed; resolves with the answer or the client's error code. */
function postSpaces(url: string, size: number) {
  return new Promise<{ status: number; body: string } | { error: string }>((resolve) => {
    const req = request(
      `${url}/api/v2/zec`,
      {
        method: 'POST',
        headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': 'ReleaseDisk', 'content-length': String(size) },
      },
      (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ error: String(error.code) }));
    const chunk = Buffer.alloc(1024 * 1024, ' ');
    let left = size;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length);
        left -= n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once('drain', pump);
      }
      req.end();
    };
    pump();
  });
}

describe('the body limit', () => {
  it('a body of exactly the limit is read to its last byte', async () => {
    const mock = await start({ api: 'zenlayer' });
    // The JSON comes last: a body cut short anywhere would be whitespace, i.e. empty.
    const body = `${' '.repeat(BODY_LIMIT_BYTES - DISK.length)}${DISK}`;
    const response = await releaseDisk(mock.url, body);
    expect(response.status).toBe(200);
  });

  it('one byte over the limit is refused, naming the size and the limit', async () => {
    const mock = await start({ api: 'zenlayer' });
    const response = await releaseDisk(mock.url, `${' '.repeat(BODY_LIMIT_BYTES + 1 - DISK.length)}${DISK}`);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'INVALID_PARAMETER_EXCEED_LENGTH',
      message: `Request body is ${BODY_LIMIT_BYTES + 1} bytes; the limit is ${BODY_LIMIT_BYTES} bytes.`,
    });
  });

  it('a body of exactly 64 MiB is drained and answered; one byte more loses the connection', async () => {
    const mock = await start({ api: 'zenlayer' });
    const drained = await postSpaces(mock.url, DRAIN_LIMIT);
    expect(drained).toMatchObject({ status: 400 });
    expect(JSON.parse((drained as { body: string }).body)).toMatchObject({
      code: 'INVALID_PARAMETER_EXCEED_LENGTH',
      message: `Request body is ${DRAIN_LIMIT} bytes; the limit is ${BODY_LIMIT_BYTES} bytes.`,
    });
    expect(await postSpaces(mock.url, DRAIN_LIMIT + 1)).toEqual({ error: 'ECONNRESET' });
    // …and it keeps serving.
    expect((await releaseDisk(mock.url, DISK)).status).toBe(200);
  });
});

describe('a client that hangs up while sending its body', () => {
  it('is logged as a request that failed, and the mock keeps serving', async () => {
    let logged: (line: string) => void = () => {};
    const line = new Promise<string>((resolve) => (logged = resolve));
    const mock = await start({ api: 'zenlayer', log: (l) => logged(l) });
    const req = request(`${mock.url}/api/v2/zec`, {
      method: 'POST',
      headers: {
        ...signedHeaders(nowSeconds()),
        'x-zc-action': 'ReleaseDisk',
        'content-length': '1000',
        // The mock's 100 Continue says it has the request and waits for the body.
        expect: '100-continue',
      },
    });
    req.on('error', () => {});
    req.on('continue', () => req.write('{"diskId":', () => req.destroy()));
    expect(await line).toMatch(/^zenlayer POST \/api\/v2\/zec - -> 500 mock failure [\d.]+ms$/);
    expect((await releaseDisk(mock.url, DISK)).status).toBe(200);
  });
});
