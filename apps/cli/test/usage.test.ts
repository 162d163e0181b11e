// Input errors and exit codes: a usage error is one line and a hint, checked before anything
// starts; API and network errors exit 1; --help and --version exit 0.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { outputs, type Recorder, recorder, runMain, SECRETS } from './support/harness.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const servers: Recorder[] = [];
const server = async (...args: Parameters<typeof recorder>) => {
  const s = await recorder(...args);
  servers.push(s);
  return s;
};
const dir = mkdtempSync(join(tmpdir(), 'cloud-release-usage-'));
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const output of outputs)
    for (const secret of [SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD, SECRETS.OS_TOKEN]) expect(output).not.toContain(secret);
});

describe('errors and exit codes', () => {
  it('an API error exits 1 and prints its code and requestId', async () => {
    const s = await server({
      status: 403,
      body: {
        requestId: 'T-DENIED',
        code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
        message: 'Only operations on instances in recycle bin are supported.',
      },
    });
    const r = await runMain(['release-instances', 'vm-1', '--endpoint', s.url, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'not released: 1 instance (vm-1): code OPERATION_DENIED_INSTANCE_NOT_RECYCLED, requestId T-DENIED',
    );
  });

  it('--json reports the error as JSON, with its outcome and endpoint', async () => {
    const s = await server({
      status: 404,
      body: { requestId: 'T-404', code: 'INVALID_DISK_NOT_FOUND', message: 'Disk does not exist.' },
    });
    const r = await runMain(['release-disk', 'disk-x', '--endpoint', s.url, '--yes', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.endpoint).toBe(s.url);
    expect(json.error).toMatchObject({
      name: 'ZenlayerApiError',
      outcome: 'refused',
      status: 404,
      code: 'INVALID_DISK_NOT_FOUND',
      requestId: 'T-404',
    });
  });

  it('--ignore-missing turns a not-found into success', async () => {
    const s = await server({
      status: 404,
      body: { NeutronError: { type: 'PortNotFound', message: 'gone', detail: '' } },
    });
    const r = await runMain(['neutron', 'delete-port', PORT, '--endpoint', s.url, '--yes', '--ignore-missing']);
    expect(r).toMatchObject({ code: 0, stdout: `Port ${PORT} was already gone.\n` });
  });

  it('a 2xx that is not the documented answer is an unknown outcome: exit 1, with what to do', async () => {
    const s = await server((_req, _body, res) =>
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html>ok</html>'),
    );
    const r = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the outcome is unknown: the server may have acted on it. Re-run with --ignore-missing');
    const json = await runMain(['release-disk', 'disk-1', '--endpoint', s.url, '--yes', '--json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ outcome: 'unknown', reason: 'unexpected-answer' });
  });

  it('a network failure exits 1', async () => {
    const r = await runMain(['release-disk', 'disk-1', '--endpoint', 'http://127.0.0.1:1', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: ReleaseDisk disk disk-1: no answer/m);
  });

  it.each([
    [
      ['release-disk', 'disk-1', '--endpoint', 'http://127.0.0.1:1', '--yes'],
      {},
      /set ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_PASSWORD, or ZENLAYER_BEARER_TOKEN/,
    ],
    [['neutron', 'delete-port', PORT, '--endpoint', 'http://127.0.0.1:1', '--yes'], {}, /set OS_TOKEN/],
    [['neutron', 'delete-port', 'not-a-uuid', '--yes'], SECRETS, /portId must be a UUID/],
    [['neutron', 'delete-port', PORT, '--if-match-revision', 'x'], SECRETS, /--if-match-revision.*must be an integer/],
    [['release-instances', '', '--yes'], SECRETS, /instanceIds\[0\] must be a non-empty string/],
    [['release-instances', '--yes'], SECRETS, /no ids: give them as arguments or with --ids-file/],
    [['release-disk', 'd', '--endpoint', 'ftp://x'], SECRETS, /--endpoint must be an http\(s\) URL/],
    [['release-everything'], SECRETS, /unknown command 'release-everything'/],
    [['release-disk', 'd', '--access-key', 'x'], SECRETS, /unknown option '--access-key'/],
  ])('usage error %j exits 2', async (args, env, message) => {
    const r = await runMain(args, { env: env as Record<string, string> });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it.each([
    [['release-disk', 'd', '--access-key', 'x'], "Run 'cloud-release release-disk --help' for usage."],
    [['neutron', 'delete-port'], "Run 'cloud-release neutron delete-port --help' for usage."],
    [['release-everything'], "Run 'cloud-release --help' for usage."],
    [['release-instances', '--yes'], "Run 'cloud-release release-instances --help' for usage."],
  ])('a usage error %j prints one line and a hint, not the whole help', async (args, hint) => {
    const r = await runMain(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^error: /);
    expect(lines[1]).toBe(hint);
  });

  it('a non-UUID Neutron port id is refused before a mock starts', async () => {
    const r = await runMain(['neutron', 'delete-port', 'not-a-uuid', '--yes'], { env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('Using the embedded');
  });

  it.each([
    [[]],
    [['release-instances']],
    [['release-disk']],
    [['destroy-port']],
    [['neutron']],
    [['neutron', 'delete-port']],
  ])('--help for %j', async (command) => {
    const r = await runMain([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^Usage: cloud-release${command.length ? ` ${command.join(' ')}` : ''} `));
  });

  it('--version prints the package version', async () => {
    const r = await runMain(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: '0.1.0\n' });
  });
});

describe('--ids-file', () => {
  const list = '# instances to release\nvm-1\n\n  vm-2  \n# vm-3 is kept\nvm-4\n';
  const bodies = (s: Recorder) => s.requests.map((r) => JSON.parse(r.body).instanceIds);
  const ACCEPTED = { status: 200, body: { requestId: 'T-OK', response: { failedInstanceIds: [] } } };

  it('reads ids from a file, skipping blank lines and # comments', async () => {
    const file = join(dir, 'ids.txt');
    writeFileSync(file, list);
    const s = await server(ACCEPTED);
    const r = await runMain(['release-instances', '--ids-file', file, '--endpoint', s.url, '--yes']);
    expect(r.code).toBe(0);
    expect(bodies(s)).toEqual([['vm-1', 'vm-2', 'vm-4']]);
  });

  it('reads ids from stdin with -', async () => {
    const s = await server(ACCEPTED);
    const r = await runMain(['release-instances', '--ids-file', '-', '--endpoint', s.url, '--yes'], { stdin: list });
    expect(r.code).toBe(0);
    expect(bodies(s)).toEqual([['vm-1', 'vm-2', 'vm-4']]);
  });

  it('a missing file or an empty list is a usage error, nothing sent', async () => {
    const s = await server(ACCEPTED);
    const missing = await runMain(['release-instances', '--ids-file', join(dir, 'nope'), '--endpoint', s.url, '--yes']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('ENOENT');
    const empty = await runMain(['release-instances', '--ids-file', '-', '--endpoint', s.url, '--yes'], {
      stdin: '# x\n',
    });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('lists no ids');
    expect(s.requests).toEqual([]);
  });
});
