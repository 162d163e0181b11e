// Shared by the mock's tests: start mocks that are always stopped, and sign like an SDK does.
import { createHash, createHmac } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { type RunningMock, type StartMockOptions, startMock } from '@cloud-release/mock';
import { closeAfterTest } from './after-test.js';

export async function start(options: Parameters<typeof startMock>[0]): Promise<RunningMock> {
  const mock = await startMock(options);
  closeAfterTest(() => mock.close());
  return mock;
}

export type { StartMockOptions };
export const PORT_ID = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export const signedHeaders = (timestamp: number | string, signature = 'a'.repeat(64), id = 'AK1') => ({
  'content-type': 'application/json',
  authorization: `ZC2-HMAC-SHA256 Credential=${id}, SignedHeaders=content-type;host, Signature=${signature}`,
  'x-zc-timestamp': String(timestamp),
  'x-zc-signature-method': 'ZC2-HMAC-SHA256',
});

/** The service path (/api/v2/<service>) that serves each Zenlayer action. */
export const SERVICE: Record<string, string> = {
  TerminateInstance: 'vm',
  ReleaseInstances: 'vm',
  DescribeInstances: 'vm',
  ReleaseDisk: 'zec',
  DescribeDisks: 'zec',
  TerminatePort: 'sdn',
  DestroyPort: 'sdn',
  DescribePorts: 'sdn',
};

/**
 * A Zenlayer action POSTed to the path that serves it, with signedHeaders (now) and X-ZC-Action;
 * `headers` add to or replace them. `send` is the fetch that reaches the mock (an in-process
 * mock is its own).
 */
export const signedAction = (
  send: typeof fetch,
  url: string,
  action: string,
  body: string,
  headers: Record<string, string> = {},
) =>
  send(`${url}/api/v2/${SERVICE[action]}`, {
    method: 'POST',
    headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': action, ...headers },
    body,
  });

/** Signs from the documented algorithm, with the header values exactly as given (as the SDKs do). */
export function sign(
  body: string,
  host: string,
  timestamp: number,
  password: string,
  contentType = 'application/json',
) {
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const canonical = [
    'POST',
    '/',
    '',
    `content-type:${contentType}\nhost:${host}\n`,
    'content-type;host',
    sha(body),
  ].join('\n');
  return createHmac('sha256', password)
    .update(`ZC2-HMAC-SHA256\n${timestamp}\n${sha(canonical)}`)
    .digest('hex');
}

/** A POST with full control of the Host header (fetch would not let a test set it). */
export function post(url: string, headers: Record<string, string>, body: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; json: unknown }>((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, json: text && JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Raw bytes over a socket: for what fetch refuses to send. Resolves with the status line and body. */
export function rawRequest(url: string, text: string) {
  return new Promise<{ statusLine: string; body: string }>((resolve, reject) => {
    const { port, hostname } = new URL(url);
    const socket = connect(Number(port), hostname);
    let out = '';
    socket.on('data', (d) => (out += d));
    socket.on('end', () => {
      const split = out.indexOf('\r\n\r\n');
      resolve({ statusLine: out.slice(0, out.indexOf('\r\n')), body: out.slice(split + 4) });
    });
    socket.on('error', reject);
    socket.end(text);
  });
}
