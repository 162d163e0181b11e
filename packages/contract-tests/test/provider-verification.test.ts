// Provider verification: Prism as a validating proxy (`prism proxy --errors`) in front of an
// upstream reports the upstream's answers that break the spec. Here the upstream is a local
// stand-in that drops `requestId` from ReleaseInstances; the README shows the real-endpoint form.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const prism = fileURLToPath(new URL('../node_modules/.bin/prism', import.meta.url));
const spec = require.resolve('@cloud-release/spec/zenlayer.yaml');

let upstream: Server;
let proxy: ChildProcess;
let proxyUrl: string;

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume().on('end', () => {
      const action = req.headers['x-zc-action'];
      const body =
        action === 'ReleaseInstances'
          ? { response: { requestId: 'T1' } }
          : { requestId: 'T2', response: { requestId: 'T2' } };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  const upstreamPort = await listen(upstream);
  // Prism's CLI needs a concrete port: borrow a free one from the OS.
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  proxy = spawn(
    prism,
    ['proxy', '--errors', '-h', '127.0.0.1', '-p', String(port), spec, `http://127.0.0.1:${upstreamPort}`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`prism proxy did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk;
      if (out.includes('Prism is listening')) {
        clearTimeout(timer);
        resolve();
      }
    };
    proxy.stdout!.on('data', onData);
    proxy.stderr!.on('data', onData);
  });
  proxyUrl = `http://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  const exited = new Promise((resolve) => proxy?.once('exit', resolve));
  proxy?.kill('SIGTERM');
  await exited;
  await new Promise((resolve) => upstream?.close(resolve));
});

const call = (path: string, action: string, body: object) =>
  fetch(`${proxyUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer verification', 'x-zc-action': action },
    body: JSON.stringify(body),
  });

describe('prism proxy --errors in front of an upstream', () => {
  it('reports an upstream answer that breaks the spec (missing requestId)', async () => {
    const response = await call('/api/v2/vm', 'ReleaseInstances', { instanceIds: ['i-1'] });
    expect(response.status).toBe(500);
    const problem = await response.json();
    expect(problem.type).toMatch(/VIOLATIONS$/);
    expect(problem.validation).toContainEqual(
      expect.objectContaining({
        location: ['response', 'body'],
        code: 'required',
        message: expect.stringContaining("'requestId'"),
      }),
    );
  });

  it('passes an upstream answer that keeps the contract through untouched', async () => {
    const response = await call('/api/v2/zec', 'ReleaseDisk', { diskId: 'd-1' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ requestId: 'T2', response: { requestId: 'T2' } });
  });
});
