// The CLI as a user runs it: a separate process, its output and its exit code.
import { execFile, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { type RunningMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const ptyRun = fileURLToPath(new URL('./support/pty_run.py', import.meta.url));
const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const SECRETS = {
  ZENLAYER_ACCESS_KEY_ID: 'AK-CLI-TEST',
  ZENLAYER_ACCESS_KEY_PASSWORD: 'PW-SECRET-2c9f',
  OS_TOKEN: 'OS-SECRET-77ab',
};
const outputs: string[] = [];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
function run(args: string[], env: Record<string, string> = SECRETS): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], {
      env: { PATH: process.env.PATH!, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      outputs.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

/** A server that records requests and answers each with `reply`. */
async function recorder(reply: { status: number; body?: unknown }) {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    req
      .resume()
      .on('end', () =>
        res
          .writeHead(reply.status, { 'content-type': 'application/json' })
          .end(reply.body === undefined ? undefined : JSON.stringify(reply.body)),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise((r) => server.close(r)),
  };
}

let zenlayer: RunningMock;
let neutron: RunningMock;
beforeAll(async () => {
  zenlayer = await startMock({
    api: 'zenlayer',
    credentials: { [SECRETS.ZENLAYER_ACCESS_KEY_ID]: SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD },
  });
  neutron = await startMock({ api: 'neutron' });
});
afterAll(async () => {
  await Promise.all([zenlayer.close(), neutron.close()]);
  // Whatever ran above, no secret reached any output.
  for (const output of outputs)
    for (const secret of [SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD, SECRETS.OS_TOKEN]) expect(output).not.toContain(secret);
});

describe('commands against a started mock', () => {
  it('release-instances sends 250 ids in three batches with a progress line each', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `vm-${i}`);
    const r = await run(['release-instances', ...ids, '--endpoint', zenlayer.url, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/^batch \d\/3: 100 instances accepted \(requestId T[\w-]+\)$/gm)).toHaveLength(2);
    expect(r.stderr).toMatch(/^batch \d\/3: 50 instances accepted/m);
    expect(r.stdout).toContain('Release of 250 instances accepted in 3 requests');
  });

  it.each([
    [['release-disk', 'disk-1'], /Release of disk disk-1 accepted \(requestId T52617F2F-33A3-42EF-B353-CC44271C89E4\)/],
    [['destroy-port', 'port-1'], /Release of port port-1 accepted \(requestId T3811A0E7-C250-40A2-96AD-08AD759E1BC2\)/],
  ])('%j', async (args, expected) => {
    const r = await run([...args, '--endpoint', zenlayer.url, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(expected);
  });

  it('neutron delete-port', async () => {
    const r = await run([
      'neutron',
      'delete-port',
      PORT,
      '--endpoint',
      neutron.url,
      '--yes',
      '--if-match-revision',
      '3',
    ]);
    expect(r).toMatchObject({ code: 0, stdout: `Port ${PORT} deleted.\n` });
  });

  it('--json prints the result as JSON', async () => {
    const r = await run(['release-disk', 'disk-1', '--endpoint', zenlayer.url, '--yes', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      result: { requestId: 'T52617F2F-33A3-42EF-B353-CC44271C89E4', alreadyGone: false },
    });
  });

  it('runs on the embedded mock by default, with no credentials set', async () => {
    const r = await run(['release-instances', 'vm-1', 'vm-2', '--yes'], {});
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Using the embedded zenlayer mock at http:\/\/127\.0\.0\.1:\d+: nothing real is released/);
  });
});

describe('safety', () => {
  it('--dry-run prints the signed request, masked, and sends nothing', async () => {
    const server = await recorder({ status: 200 });
    const r = await run(['release-instances', 'vm-1', '--endpoint', server.url, '--dry-run']);
    await server.close();
    expect(r.code).toBe(0);
    expect(server.requests).toEqual([]);
    expect(r.stdout).toContain('DRY RUN: nothing was sent');
    expect(r.stdout).toContain(`POST ${server.url}/api/v2/vm`);
    expect(r.stdout).toContain(
      'authorization: ZC2-HMAC-SHA256 Credential=AK-CLI-TEST, SignedHeaders=content-type;host, Signature=***',
    );
    expect(r.stdout).toContain('{"instanceIds":["vm-1"]}');
  });

  it('refuses without --yes when stdin is not a terminal (exit 2, nothing sent)', async () => {
    const server = await recorder({ status: 200 });
    const r = await run(['destroy-port', 'port-1', '--endpoint', server.url]);
    await server.close();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'refusing to destroy port port-1 without confirmation: stdin is not a terminal, so pass --yes',
    );
    expect(server.requests).toEqual([]);
  });

  const prompt = (answer: string, args: string[]) =>
    new Promise<{ code: number; output: string }>((resolve) => {
      execFile(
        'python3',
        [ptyRun, answer, 'Type "yes"', '--', process.execPath, cli, ...args],
        { env: { ...process.env, ...SECRETS } },
        (error, stdout) => {
          outputs.push(stdout);
          resolve({ code: error ? (error.code as number) : 0, output: stdout });
        },
      );
    });

  it('on a terminal, names what will be destroyed and proceeds on "yes"', async () => {
    const r = await prompt('yes', ['release-disk', 'disk-7', '--endpoint', zenlayer.url]);
    expect(r.output).toContain(`This will release disk disk-7 at ${zenlayer.url}. It cannot be undone.`);
    expect(r.output).toContain('Release of disk disk-7 accepted');
    expect(r.code).toBe(0);
  });

  it('on a terminal, anything but "yes" sends nothing (exit 2)', async () => {
    const server = await recorder({ status: 200 });
    const r = await prompt('y', ['release-instances', 'vm-1', 'vm-2', '--endpoint', server.url]);
    await server.close();
    expect(r.output).toContain('This will release 2 instances (vm-1, vm-2)');
    expect(r.output).toContain('not confirmed; nothing was sent');
    expect(r.code).toBe(2);
    expect(server.requests).toEqual([]);
  });
});

describe('errors and exit codes', () => {
  it('an API error exits 1 and prints its code and requestId', async () => {
    const server = await recorder({
      status: 403,
      body: {
        requestId: 'T-DENIED',
        code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
        message: 'Only operations on instances in recycle bin are supported.',
      },
    });
    const r = await run(['release-instances', 'vm-1', '--endpoint', server.url, '--yes']);
    await server.close();
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'not released: 1 instance(s) vm-1…vm-1: code OPERATION_DENIED_INSTANCE_NOT_RECYCLED, requestId T-DENIED',
    );
  });

  it('--json reports the error as JSON', async () => {
    const server = await recorder({
      status: 404,
      body: { requestId: 'T-404', code: 'INVALID_DISK_NOT_FOUND', message: 'Disk does not exist.' },
    });
    const r = await run(['release-disk', 'disk-x', '--endpoint', server.url, '--yes', '--json']);
    await server.close();
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).error).toMatchObject({
      name: 'ZenlayerApiError',
      status: 404,
      code: 'INVALID_DISK_NOT_FOUND',
      requestId: 'T-404',
    });
  });

  it('--ignore-missing turns a not-found into success', async () => {
    const server = await recorder({
      status: 404,
      body: { NeutronError: { type: 'PortNotFound', message: 'gone', detail: '' } },
    });
    const r = await run(['neutron', 'delete-port', PORT, '--endpoint', server.url, '--yes', '--ignore-missing']);
    await server.close();
    expect(r).toMatchObject({ code: 0, stdout: `Port ${PORT} was already gone.\n` });
  });

  it('a network failure exits 1', async () => {
    const r = await run(['release-disk', 'disk-1', '--endpoint', 'http://127.0.0.1:1', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: ReleaseDisk disk disk-1: no answer/m);
  });

  it.each([
    [
      ['release-disk', 'disk-1', '--endpoint', 'http://127.0.0.1:1', '--yes'],
      {},
      /set ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_PASSWORD/,
    ],
    [['neutron', 'delete-port', PORT, '--endpoint', 'http://127.0.0.1:1', '--yes'], {}, /set OS_TOKEN/],
    [['neutron', 'delete-port', 'not-a-uuid', '--yes'], SECRETS, /portId must be a UUID/],
    [['neutron', 'delete-port', PORT, '--if-match-revision', 'x'], SECRETS, /--if-match-revision.*must be an integer/],
    [['release-instances', '', '--yes'], SECRETS, /instanceIds\[0\] must be a non-empty string/],
    [['release-disk', 'd', '--endpoint', 'ftp://x'], SECRETS, /--endpoint must be an http\(s\) URL/],
    [['release-everything'], SECRETS, /unknown command 'release-everything'/],
    [['release-disk', 'd', '--access-key', 'x'], SECRETS, /unknown option '--access-key'/],
  ])('usage error %j exits 2', async (args, env, message) => {
    const r = await run(args, env as Record<string, string>);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    [[]],
    [['release-instances']],
    [['release-disk']],
    [['destroy-port']],
    [['neutron']],
    [['neutron', 'delete-port']],
  ])('--help for %j', async (command) => {
    const r = await run([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: cloud-release${command.length ? ` ${command.join(' ')}` : ''} `));
  });
});
