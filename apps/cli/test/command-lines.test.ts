// The lines each single-resource command prints (release-disk, destroy-port, neutron
// delete-port), as a user reads them: the plan of --dry-run, the prompt's answers, the summary
// of an accepted or already-gone release, and each part of an error.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Recorder, runMain, SECRETS, waitFor } from './support/harness.js';
import { runFixture } from './support/zenlayer.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const { server } = runFixture('command-lines', [SECRETS.OS_TOKEN]);
const sent = (s: Recorder) => s.requests.map((q) => `${q.method} ${q.url} ${q.headers['x-zc-action'] ?? ''} ${q.body}`);

describe('--dry-run, human', () => {
  it('one request: its method and URL, each header, no body for a DELETE', async () => {
    const r = await runMain([
      'neutron',
      'delete-port',
      PORT,
      '--endpoint',
      'http://127.0.0.1:9',
      '--dry-run',
      '--if-match-revision',
      '0',
    ]);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toBe(
      `DRY RUN: nothing was sent. This request would be sent:\n\nDELETE http://127.0.0.1:9/v2.0/ports/${PORT}\nif-match: revision_number=0\nx-auth-token: ***\n`,
    );
  });

  it('several requests: counted, each with its body', async () => {
    const r = await runMain([
      'release-instances',
      ...Array.from({ length: 101 }, (_, i) => `d-${i}`),
      '--endpoint',
      'http://127.0.0.1:9',
      '--dry-run',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('DRY RUN: nothing was sent. These 2 requests would be sent:');
    expect(r.stdout.match(/^POST http:\/\/127\.0\.0\.1:9\/api\/v2\/vm$/gm)).toHaveLength(2);
    expect(r.stdout).toContain('\n\n{"instanceIds":["d-100"]}\n');
  });

  it('on the embedded mock: the plan names it, and nothing reaches it', async () => {
    const s = await server({ status: 200 });
    const r = await runMain(['destroy-port', 'port-1', '--dry-run'], {
      env: {},
      startEmbedded: async () => ({ url: s.url, close: async () => {} }),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`Using the embedded zenlayer mock at ${s.url}: nothing real is released.\n`);
    expect(r.stdout).toContain(`\nPOST ${s.url}/api/v2/sdn\n`);
    expect(r.stdout).toContain('authorization: ZC2-HMAC-SHA256 Credential=DEMO-ACCESS-KEY, ');
    expect(r.stdout).toContain('x-zc-action: DestroyPort\n');
    expect(s.requests).toEqual([]);
  });
});

describe('the prompt', () => {
  it.each([['YES\r'], ['  yes \r']])('%j confirms', async (keys) => {
    const s = await server({ status: 200, body: { requestId: 'T-Y', response: {} } });
    const r = await runMain(['release-disk', 'disk-3', '--endpoint', s.url], {
      tty: true,
      drive: async (stdin, stderr) => {
        await waitFor(stderr, 'Type "yes"');
        stdin.write(keys);
      },
    });
    expect(r.code).toBe(0);
    expect(s.requests).toHaveLength(1);
  });
});

describe('the summary of a single release', () => {
  it.each([
    [
      ['release-disk', 'disk-1'],
      'ReleaseDisk {"diskId":"disk-1"}',
      'Release of disk disk-1 accepted (requestId T-A); it completes asynchronously.',
    ],
    [
      ['destroy-port', 'port-1'],
      'DestroyPort {"portId":"port-1"}',
      'Release of port port-1 accepted (requestId T-A); it completes asynchronously.',
    ],
  ])('%j', async (args, request, line) => {
    const s = await server({ status: 200, body: { requestId: 'T-A', response: { requestId: 'T-A' } } });
    const r = await runMain([...args, '--endpoint', s.url, '--yes']);
    expect(r).toMatchObject({ code: 0, stdout: `${line}\n` });
    expect(sent(s).map((q) => q.split(' ').slice(2).join(' '))).toEqual([request]);
  });

  it.each([
    [['release-disk', 'disk-1'], 'INVALID_DISK_NOT_FOUND', 'Disk disk-1 was already gone (requestId T-G).'],
    [['destroy-port', 'port-1'], 'INVALID_PORT_NOT_FOUND', 'Port port-1 was already gone (requestId T-G).'],
  ])('%j --ignore-missing, not found', async (args, code, line) => {
    const s = await server({ status: 404, body: { requestId: 'T-G', code, message: 'gone' } });
    const r = await runMain([...args, '--endpoint', s.url, '--yes', '--ignore-missing']);
    expect(r).toMatchObject({ code: 0, stdout: `${line}\n` });
    const strict = await runMain([...args, '--endpoint', s.url, '--yes']);
    expect(strict.code).toBe(1);
  });

  it('neutron delete-port: deleted, or already gone with --ignore-missing; --if-match-revision only when given', async () => {
    const s = await server((req, _body, res) => {
      if (req.headers['if-match']) res.writeHead(204).end();
      else
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ NeutronError: { type: 'PortNotFound', message: 'gone', detail: '' } }));
    });
    const deleted = await runMain([
      'neutron',
      'delete-port',
      PORT,
      '--endpoint',
      s.url,
      '--yes',
      '--if-match-revision',
      '7',
    ]);
    expect(deleted).toMatchObject({ code: 0, stdout: `Port ${PORT} deleted.\n` });
    const gone = await runMain(['neutron', 'delete-port', PORT, '--endpoint', s.url, '--yes', '--ignore-missing']);
    expect(gone).toMatchObject({ code: 0, stdout: `Port ${PORT} was already gone.\n` });
    expect(s.requests.map((q) => q.headers['if-match'])).toEqual(['revision_number=7', undefined]);
  });
});

describe('--if-match-revision takes an integer ≥ 0', () => {
  it.each([['-1'], ['1.5'], ['3a'], ['a3'], ['']])('%j is refused before anything starts', async (value) => {
    const r = await runMain(['neutron', 'delete-port', PORT, '--if-match-revision', value, '--yes']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(
      /--if-match-revision <n>' argument '.*' is invalid\. must be an integer ≥ 0\.$/,
    );
    expect(r.stderr).not.toContain('Using the embedded');
  });
});

describe('the parts of an error', () => {
  it('a batch error lists what was not released, what is unknown, and what was released, with what to do', async () => {
    let n = 0;
    const s = await server((_req, body, res) => {
      const ids: string[] = JSON.parse(body).instanceIds;
      n++;
      if (ids[0] === 'p-0')
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ requestId: 'T-OK', response: {} }));
      else if (ids[0] === 'p-100')
        res
          .writeHead(403, { 'content-type': 'application/json' })
          .end(JSON.stringify({ requestId: 'T-NC', message: 'no code' }));
      else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>?</p>');
    });
    const ids = Array.from({ length: 201 }, (_, i) => `p-${i}`);
    const cwd = mkdtempSync(join(tmpdir(), 'cloud-release-command-lines-'));
    const r = await runMain(['release-instances', ...ids, '--endpoint', s.url, '--yes'], { cwd });
    rmSync(cwd, { recursive: true, force: true });
    expect(n).toBe(3);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n');
    expect(lines).toContain(
      '  not released: 100 instances (p-100, p-101 … p-199 (100 ids)): code (none), requestId T-NC',
    );
    expect(lines).toContain(
      '  outcome unknown: 1 instance (p-200): ReleaseInstances instance p-200: 200 answer is not the documented envelope; the outcome is unknown',
    );
    expect(lines).toContain('  released: 100 instances, requestId T-OK');
    expect(lines).toContain(
      '  the outcome is unknown: the server may have acted on it. Re-run with --ignore-missing, or look the resource up.',
    );
  });
});
