// The embedded mock (no --endpoint): stateful, seeded with what each command's --help names,
// and each named resource answers as the help says; an unseeded id is accepted once, and a
// second release of it (state carried across runs by a shared mock) answers not found.
import type { StatefulMock } from '@cloud-release/mock';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedMock } from '../src/target.js';
import { outputs, runMain, SECRETS } from './support/harness.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const ROUTER_PORT = '0b7c1f9e-2d4a-4c8b-9e6f-3a5d7c9e1b2f';
const REVISED_PORT = '3f1e2d4c-5b6a-4789-8abc-def012345678';

const shared: StatefulMock[] = [];
afterAll(async () => {
  await Promise.all(shared.map((m) => m.close()));
  for (const output of outputs)
    for (const secret of [SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD, SECRETS.OS_TOKEN]) expect(output).not.toContain(secret);
});

const help = async (args: string[]) => (await runMain([...args, '--help'])).stdout;

describe('--help names the embedded inventory', () => {
  it.each([
    [
      ['release-instances'],
      [
        /^ {2}vm-1 {2}in the recycle bin: released$/m,
        /^ {2}vm-3 {2}in the recycle bin: released$/m,
        /^ {2}vm-4 {2}running: refused, 403 OPERATION_DENIED_INSTANCE_NOT_RECYCLED$/m,
      ],
    ],
    [['release-disk'], [/^ {2}disk-1 {4}a data disk: recycled/m, /^ {2}disk-sys {2}a system disk: refused, 400/m]],
    [['destroy-port'], [/^ {2}port-1 {2}in the recycle bin: destroyed$/m, /^ {2}port-2 {2}running: refused, 403/m]],
    [
      ['neutron', 'delete-port'],
      [
        new RegExp(`^ {2}${PORT} {2}deleted$`, 'm'),
        new RegExp(`^ {2}${ROUTER_PORT} {2}a router's port: refused, 409 ServicePortInUse$`, 'm'),
        new RegExp(`^ {2}${REVISED_PORT} {2}at revision 4: --if-match-revision 3 is refused, 412; 4 deletes it$`, 'm'),
      ],
    ],
  ])('%j', async (command, lines) => {
    const text = await help(command);
    expect(text).toContain('Without --endpoint, each run starts the embedded mock afresh from this inventory:');
    expect(text).toContain('Any other id is accepted once');
    for (const line of lines) expect(text).toMatch(line);
  });

  it('the top-level help says where to find it', async () => {
    expect(await help([])).toContain("each command's --help names the inventory it starts from.");
  });
});

describe('each named resource answers as the help says', () => {
  const run = (args: string[]) => runMain([...args, '--yes', '--json'], { env: {} });
  const refusal = (stdout: string) => JSON.parse(stdout).error;

  it('vm-1..vm-3 are released; vm-4 is refused, not in the recycle bin', async () => {
    const released = await run(['release-instances', 'vm-1', 'vm-2', 'vm-3']);
    expect(released.code).toBe(0);
    expect(JSON.parse(released.stdout)).toMatchObject({
      ok: true,
      embeddedMock: true,
      result: { ids: ['vm-1', 'vm-2', 'vm-3'] },
    });
    const refused = await run(['release-instances', 'vm-4']);
    expect(refused.code).toBe(1);
    expect(refusal(refused.stdout).failed[0].error).toMatchObject({
      status: 403,
      code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
    });
  });

  it('disk-1 is recycled; disk-sys is refused, a system disk', async () => {
    expect((await run(['release-disk', 'disk-1'])).code).toBe(0);
    const refused = await run(['release-disk', 'disk-sys']);
    expect(refused.code).toBe(1);
    expect(refusal(refused.stdout)).toMatchObject({ status: 400, code: 'UNSUPPORTED_OPERATION_DISK_SYSTEM_TYPE' });
  });

  it('port-1 is destroyed; port-2 is refused, not in the recycle bin', async () => {
    expect((await run(['destroy-port', 'port-1'])).code).toBe(0);
    const refused = await run(['destroy-port', 'port-2']);
    expect(refused.code).toBe(1);
    expect(refusal(refused.stdout)).toMatchObject({ status: 403, code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED' });
  });

  it('the Neutron ports: deleted; a router port 409; revision 3 is stale (412), 4 deletes', async () => {
    expect((await run(['neutron', 'delete-port', PORT])).code).toBe(0);
    const router = await run(['neutron', 'delete-port', ROUTER_PORT]);
    expect(router.code).toBe(1);
    expect(refusal(router.stdout)).toMatchObject({ status: 409, code: 'ServicePortInUse' });
    const stale = await run(['neutron', 'delete-port', REVISED_PORT, '--if-match-revision', '3']);
    expect(stale.code).toBe(1);
    expect(refusal(stale.stdout)).toMatchObject({ status: 412, code: 'RevisionNumberConstraintFailed' });
    expect((await run(['neutron', 'delete-port', REVISED_PORT, '--if-match-revision', '4'])).code).toBe(0);
  });
});

describe('state carried across runs (one embedded mock shared by the test)', () => {
  async function sharedMock(api: 'zenlayer' | 'neutron') {
    const mock = await startEmbeddedMock(api);
    shared.push(mock);
    // The run "closes" its mock; the test keeps it for the next run and closes it in afterAll.
    return { mock, startEmbedded: async () => ({ url: mock.url, close: async () => {} }) };
  }
  const gone = async (mock: StatefulMock, id: string) => {
    for (let i = 0; i < 200 && mock.resources().some((r) => r.id === id); i++)
      await new Promise((r) => setTimeout(r, 10));
  };

  it('an unseeded instance is accepted once; a second release answers not found (already gone with --ignore-missing)', async () => {
    const { mock, startEmbedded } = await sharedMock('zenlayer');
    const run = (args: string[]) => runMain([...args, '--yes', '--json'], { env: {}, startEmbedded });
    expect((await run(['release-instances', 'vm-unseeded'])).code).toBe(0);
    await gone(mock, 'vm-unseeded');
    const second = await run(['release-instances', 'vm-unseeded']);
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout).error.failed[0].error).toMatchObject({
      status: 404,
      code: 'INVALID_INSTANCE_NOT_FOUND',
    });
    const ignored = await run(['release-instances', 'vm-unseeded', '--ignore-missing']);
    expect(ignored.code).toBe(0);
  });

  it('the seeded disk-1 is recycled, then destroyed, then not found', async () => {
    const { mock, startEmbedded } = await sharedMock('zenlayer');
    const run = (args: string[]) => runMain([...args, '--yes', '--json'], { env: {}, startEmbedded });
    expect((await run(['release-disk', 'disk-1'])).code).toBe(0);
    for (let i = 0; i < 200 && mock.resources().find((r) => r.id === 'disk-1')?.status !== 'RECYCLED'; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect((await run(['release-disk', 'disk-1'])).code).toBe(0);
    expect(mock.resources().some((r) => r.id === 'disk-1')).toBe(false);
    const third = await run(['release-disk', 'disk-1']);
    expect(third.code).toBe(1);
    expect(JSON.parse(third.stdout).error).toMatchObject({ status: 404, code: 'INVALID_DISK_NOT_FOUND' });
  });

  it('a Neutron port deleted once is not found the second time', async () => {
    const { startEmbedded } = await sharedMock('neutron');
    const run = (args: string[]) => runMain([...args, '--yes', '--json'], { env: {}, startEmbedded });
    expect((await run(['neutron', 'delete-port', PORT])).code).toBe(0);
    const second = await run(['neutron', 'delete-port', PORT]);
    expect(second.code).toBe(1);
    expect(JSON.parse(second.stdout).error).toMatchObject({ status: 404, code: 'PortNotFound' });
  });
});
