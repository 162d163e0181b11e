// The commands against a started mock, run in-process through main(argv, io).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputs, runMain, SECRETS } from './support/harness.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
let zenlayer: RunningMock;
let neutron: RunningMock;
beforeAll(async () => {
  zenlayer = await startMock({
    api: 'zenlayer',
    credentials: { [SECRETS.ZENLAYER_ACCESS_KEY_ID]: SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD },
  });
  neutron = await startMock({ api: 'neutron' });
});
const dir = mkdtempSync(join(tmpdir(), 'cloud-release-commands-'));
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await Promise.all([zenlayer?.close(), neutron?.close()]);
  for (const output of outputs)
    for (const secret of [SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD, SECRETS.OS_TOKEN]) expect(output).not.toContain(secret);
});

describe('commands against a started mock', () => {
  it('release-instances sends 250 ids in three batches with a progress line each, journaled by default', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `vm-${i}`);
    const r = await runMain(['release-instances', ...ids, '--endpoint', zenlayer.url, '--yes'], { cwd: dir });
    expect(r.code).toBe(0);
    // Over 100 ids without --journal: a journal in the working directory, its path printed.
    const [file] = readdirSync(dir);
    expect(file).toMatch(/^cloud-release-journal-\d{4}-\d\d-\d\dT[\d-]+Z\.jsonl$/);
    expect(r.stderr).toContain(`Journal: ${join(dir, file!)}`);
    const lines = readFileSync(join(dir, file!), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ event: 'run', endpoint: zenlayer.url, ids });
    expect(
      lines
        .filter((l) => l.event === 'outcome' && l.outcome === 'accepted')
        .flatMap((l) => l.ids)
        .sort(),
    ).toEqual([...ids].sort());
    expect(lines.at(-1)).toMatchObject({ event: 'summary', accepted: 250, refused: 0, unknown: 0, notSent: 0 });
    expect(r.stderr.match(/^batch \d\/3: 100 instances accepted \(requestId T[\w-]+\)$/gm)).toHaveLength(2);
    expect(r.stderr).toMatch(/^batch \d\/3: 50 instances accepted/m);
    expect(r.stdout).toContain('Release of 250 instances accepted in 3 requests');
  });

  it.each([
    // The mock's requestIds are fresh per answer: T + an upper-case UUID.
    [
      ['release-disk', 'disk-1'],
      /Release of disk disk-1 accepted \(requestId T[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\)/,
    ],
    [
      ['destroy-port', 'port-1'],
      /Release of port port-1 accepted \(requestId T[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\)/,
    ],
  ])('%j', async (args, expected) => {
    const r = await runMain([...args, '--endpoint', zenlayer.url, '--yes']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(expected);
  });

  it('neutron delete-port', async () => {
    const args = ['neutron', 'delete-port', PORT, '--endpoint', neutron.url, '--yes', '--if-match-revision', '3'];
    expect(await runMain(args)).toMatchObject({ code: 0, stdout: `Port ${PORT} deleted.\n` });
  });

  it('--json prints the result as JSON and names the endpoint', async () => {
    const r = await runMain(['release-disk', 'disk-1', '--endpoint', zenlayer.url, '--yes', '--json']);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: true,
      endpoint: zenlayer.url,
      result: { requestId: expect.stringMatching(/^T[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}$/), alreadyGone: false },
    });
  });

  it('runs on the embedded mock by default, with no credentials set', async () => {
    const r = await runMain(['release-instances', 'vm-1', 'vm-2', '--yes', '--json'], { env: {} });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^Using the embedded zenlayer mock at http:\/\/127\.0\.0\.1:\d+: nothing real is released\.$/m,
    );
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ ok: true, embeddedMock: true, result: { ids: ['vm-1', 'vm-2'] } });
    expect(json.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('the embedded mock ignores real credentials in the environment, and says so in one line', async () => {
    const r = await runMain(['release-disk', 'disk-1', '--yes']);
    expect(r.code).toBe(0);
    const notice = r.stderr.split('\n').filter((line) => line.startsWith('Using the embedded'));
    expect(notice).toEqual([
      expect.stringMatching(
        /nothing real is released; ZENLAYER_ACCESS_KEY_ID, ZENLAYER_ACCESS_KEY_PASSWORD, OS_TOKEN from the environment ignored \(pass --endpoint to use them\)\.$/,
      ),
    ]);
    expect(r.stdout).toContain('Release of disk disk-1 accepted');
  });
});
