// `cloud-release apply <plan>` against the stateful mocks over HTTP: the client's teardown
// carried out as planned and journaled; drift refused before anything is sent; a plan edited
// by hand refused by its digest; the confirmation; each exit code.
import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StatefulMock } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { startEmbeddedMock } from '../src/target.js';
import { runMain, waitFor } from './support/harness.js';
import { DB_PORT, mockTime, neutronPlan, stateChanging, tempDir, WEB_PORT, zenlayerPlan } from './support/teardown.js';

const changes = stateChanging;
const journalLines = (path: string) =>
  readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('apply carries out the plan', () => {
  it('takes an instance from RUNNING to gone: terminate, release, each journaled before and after (exit 0)', async () => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    const run = await runMain(['apply', plan, '--yes'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(changes(mock).map((r) => [r.operation, r.ids, r.status])).toEqual([
      ['TerminateInstance', ['i-1'], 200],
      ['ReleaseInstances', ['i-1'], 200],
    ]);
    expect(mock.resources()).toEqual([]);
    // Always journaled: without --journal, a new file in the working directory, its path printed.
    const [file] = readdirSync(dir).filter((f) => f.startsWith('cloud-release-apply-'));
    expect(run.stderr).toContain(`Journal: ${join(dir, file!)}`);
    const lines = journalLines(join(dir, file!));
    expect(lines[0]).toMatchObject({
      event: 'apply',
      command: 'apply',
      endpoints: { zenlayer: mock.url },
      resume: false,
    });
    expect(lines.filter((l) => l.event === 'step').map((l) => [l.phase, l.action, l.outcome])).toEqual([
      ['before', 'TerminateInstance', undefined],
      ['after', 'TerminateInstance', 'accepted'],
      ['before', 'ReleaseInstances', undefined],
      ['after', 'ReleaseInstances', 'accepted'],
    ]);
    expect(lines.at(-1)).toMatchObject({ event: 'result', id: 'i-1', result: 'gone' });
    expect(run.stdout).toContain('instance i-1: gone');
  });

  it('on a terminal, progress is one live line redrawn in place (calls per phase, elapsed)', async () => {
    const { dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    const run = await runMain(['apply', plan, '--yes'], { cwd: dir, stderrTty: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('\r\x1b[K[');
    expect(run.stderr).toMatch(/1 resource: terminate 1\/1 · release 1\/1\n/);
    expect(run.stderr).not.toContain('→ TerminateInstance');
  });

  it('deletes a Neutron port with If-Match on its revision and leaves what the plan refused (exit 0, --json account)', async () => {
    const { mock, dir, plan } = await neutronPlan([
      { id: WEB_PORT, device_owner: 'compute:nova', revision_number: 2 },
      { id: DB_PORT, device_owner: 'network:router_interface' },
    ]);
    const run = await runMain(['apply', plan, '--yes', '--json', '--journal', 'j.jsonl'], { cwd: dir });
    expect(run.code).toBe(0);
    const deletes = mock.requests().filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => [r.ids, r.status])).toEqual([[[WEB_PORT], 204]]);
    expect(JSON.parse(run.stdout).results).toEqual([expect.objectContaining({ id: WEB_PORT, result: 'gone' })]);
    expect(journalLines(join(dir, 'j.jsonl')).find((l) => l.event === 'step')).toMatchObject({
      action: 'DeletePort',
      revision: 2,
    });
  });

  it('a refusal during the teardown is exit 1, named with its code', async () => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'disk', id: 'd-1', status: 'IN_USE', diskType: 'DATA' }]);
    mock.fault({ operation: 'ReleaseDisk', status: 400, code: 'UNSUPPORTED_OPERATION_DISK_STATUS', times: 1 });
    const run = await runMain(['apply', plan, '--yes', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).results[0]).toMatchObject({
      id: 'd-1',
      result: 'refused',
      step: 'terminate',
      code: 'UNSUPPORTED_OPERATION_DISK_STATUS',
    });
    expect(mock.resources()).toHaveLength(1);
  });

  it('a wait past --max-wait is a timeout with its last status: exit 3, nothing released', async () => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-slow', status: 'RUNNING' }], 60_000);
    // Its waits on the mock's clock: the second passes in no real time, and leaves the 60 s
    // transition under way.
    const run = await runMain(['apply', plan, '--yes', '--json', '--max-wait', '1s'], {
      cwd: dir,
      waiterClock: mockTime(mock),
    });
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).results[0]).toMatchObject({
      result: 'timeout',
      step: 'wait-recycle-bin',
      status: 'RECYCLING',
    });
    expect(changes(mock).map((r) => r.operation)).toEqual(['TerminateInstance']);
  });
});

describe('apply refuses before anything is sent', () => {
  it('drift on Zenlayer: a status that changes the steps is named, exit 1', async () => {
    const { mock, dir, plan } = await zenlayerPlan([
      { type: 'instance', id: 'i-1', status: 'RUNNING' },
      { type: 'instance', id: 'i-2', status: 'STOPPED' },
    ]);
    // i-2 stopped → running needs the same steps: not drift. i-1 now in the recycle bin: drift.
    mock.addResources([
      { type: 'instance', id: 'i-1', status: 'RECYCLE' },
      { type: 'instance', id: 'i-2', status: 'RUNNING' },
    ]);
    const run = await runMain(['apply', plan, '--yes'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/drift: instance i-1: status was RUNNING, is RECYCLE/);
    expect(run.stderr).not.toContain('drift: instance i-2');
    expect(changes(mock)).toEqual([]);
  });

  it('drift on Neutron: a new revision or owner is named, exit 1', async () => {
    const { mock, dir, plan } = await neutronPlan([
      { id: WEB_PORT, device_owner: 'compute:nova', revision_number: 2 },
      { id: DB_PORT, device_owner: 'compute:nova', revision_number: 7 },
    ]);
    mock.addResources([
      { id: WEB_PORT, device_owner: 'compute:nova', revision_number: 3 },
      { id: DB_PORT, device_owner: 'compute:kuryr', revision_number: 7 },
    ]);
    const run = await runMain(['apply', plan, '--yes', '--json'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).drift).toEqual([
      `neutron-port ${WEB_PORT}: revision was 2, is 3`,
      `neutron-port ${DB_PORT}: owner was compute:nova, is compute:kuryr`,
    ]);
    expect(mock.requests().filter((r) => r.method === 'DELETE')).toEqual([]);
  });

  it('a plan edited by hand fails its digest: exit 2 naming the plan, nothing read or sent', async () => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-1', status: 'RUNNING' }]);
    const edited = JSON.parse(readFileSync(plan, 'utf8'));
    edited.resources[0].id = 'i-prod';
    writeFileSync(plan, JSON.stringify(edited));
    mock.clearRequests();
    const run = await runMain(['apply', plan, '--yes', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toContain(`plan ${plan}: its digest does not match`);
    expect(mock.requests()).toEqual([]);
  });

  it('asks for the number of resources on a terminal, --yes or not; a wrong number is exit 2', async () => {
    const { mock, dir, plan } = await zenlayerPlan([
      { type: 'instance', id: 'i-1', status: 'RECYCLE' },
      { type: 'instance', id: 'i-2', status: 'RECYCLE' },
    ]);
    const typed = (answer: string) => async (stdin: NodeJS.WritableStream, stderr: () => string) => {
      await waitFor(stderr, 'Type the number of resources to destroy');
      stdin.write(`${answer}\n`);
    };
    const wrong = await runMain(['apply', plan, '--yes'], { cwd: dir, tty: true, drive: typed('yes') });
    expect(wrong.code).toBe(2);
    expect(changes(mock)).toEqual([]);
    const right = await runMain(['apply', plan], { cwd: dir, tty: true, drive: typed('2') });
    expect(right.code).toBe(0);
    expect(mock.resources()).toEqual([]);
  });

  it('without a terminal and without --yes, nothing is sent (exit 2)', async () => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    expect((await runMain(['apply', plan], { cwd: dir })).code).toBe(2);
    expect(changes(mock)).toEqual([]);
  });
});

describe('an interrupted apply, resumed', () => {
  it.each([
    ['after its terminate (in the wait for the recycle bin)', 'TerminateInstance instance i-1: accepted'],
    ['after its release (in the wait until gone)', 'ReleaseInstances instance i-1: accepted'],
  ])('SIGINT %s stops new steps (exit 130); --resume finishes, no accepted call sent twice', async (_, after) => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-1', status: 'RUNNING' }], 'manual');
    const signals = new EventEmitter();
    let stderr = () => '';
    // The signal comes in the first wait that starts once `after` is printed.
    let sent = false;
    const signalInWait = () => {
      if (sent || !stderr().includes(after)) return;
      sent = true;
      signals.emit('SIGINT');
    };
    const first = await runMain(['apply', plan, '--yes', '--journal', 'j.jsonl'], {
      cwd: dir,
      signals,
      waiterClock: mockTime(mock, signalInWait),
      drive: (_stdin, read) => {
        stderr = read;
      },
    });
    expect(first.code).toBe(130);
    expect(first.stderr).toContain(`--resume ${join(dir, 'j.jsonl')}`);
    const second = await runMain(['apply', plan, '--yes', '--resume', 'j.jsonl'], {
      cwd: dir,
      waiterClock: mockTime(mock),
    });
    expect(second.code).toBe(0);
    expect(changes(mock).map((r) => r.operation)).toEqual(['TerminateInstance', 'ReleaseInstances']);
    expect(mock.resources()).toEqual([]);
    const headers = journalLines(join(dir, 'j.jsonl')).filter((l) => l.event === 'apply');
    expect(headers.map((h) => h.resume)).toEqual([false, true]);
  });

  it('a resume of a journal written for another plan is refused (exit 2)', async () => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    writeFileSync(
      join(dir, 'j.jsonl'),
      `${JSON.stringify({ time: 't', event: 'apply', command: 'apply', format: 1, digest: 'sha256:other', endpoints: {}, account: 'x', resume: false })}\n`,
    );
    const run = await runMain(['apply', plan, '--yes', '--resume', 'j.jsonl', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toContain('carries out plan sha256:other');
    expect(changes(mock)).toEqual([]);
  });
});

describe('without endpoints', () => {
  it('plans and applies on the embedded mocks, as the other commands do', async () => {
    const dir = tempDir();
    const plan = join(dir, 'plan.json');
    expect((await runMain(['plan', '--instances', 'vm-4', '--out', plan], { env: {} })).code).toBe(0);
    expect(JSON.parse(readFileSync(plan, 'utf8')).endpoints).toEqual({ zenlayer: 'embedded-mock' });
    // The run starts its own embedded mock; its waits go on that mock's clock.
    let embedded: StatefulMock | undefined;
    const startEmbedded = async (api: StatefulMock['api']) => (embedded = await startEmbeddedMock(api));
    const run = await runMain(['apply', plan, '--yes', '--json'], {
      cwd: dir,
      env: {},
      startEmbedded,
      waiterClock: mockTime({ advance: (ms) => embedded!.advance(ms) }),
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results).toEqual([expect.objectContaining({ id: 'vm-4', result: 'gone' })]);
  });
});

describe('apply input', () => {
  it('credentials other than the plan’s are refused (exit 2), nothing sent', async () => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    const env = { ZENLAYER_BEARER_TOKEN: 'another-token' };
    const run = await runMain(['apply', plan, '--yes', '--json'], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toContain('apply it with the credentials that made it');
    expect(run.stdout).not.toContain('another-token');
    expect(changes(mock)).toEqual([]);
  });

  it.each(['10', '0s', '25h', 'soon'])('--max-wait %s is a usage error naming the flag (exit 2)', async (value) => {
    const run = await runMain(['apply', 'plan.json', '--max-wait', value]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("option '--max-wait <duration>' argument");
  });
});

describe('a resume reads its journal with every line checked', () => {
  it('a step line with an unknown outcome is refused naming its line and field (exit 2), nothing sent', async () => {
    const { mock, dir, plan } = await zenlayerPlan([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    const { digest } = JSON.parse(readFileSync(plan, 'utf8'));
    const line = (fields: object) => JSON.stringify({ time: 't', command: 'apply', ...fields });
    writeFileSync(
      join(dir, 'j.jsonl'),
      `${[
        line({ event: 'apply', format: 1, digest, endpoints: { zenlayer: mock.url }, account: 'x', resume: false }),
        line({
          event: 'step',
          phase: 'after',
          step: 'release',
          provider: 'zenlayer',
          type: 'instance',
          ids: ['i-1'],
          action: 'ReleaseInstances',
          outcome: 'maybe',
        }),
      ].join('\n')}\n`,
    );
    const run = await runMain(['apply', plan, '--yes', '--resume', 'j.jsonl', '--json'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toMatch(/line 2: "outcome" must be one of/);
    expect(changes(mock)).toEqual([]);
  });
});

describe('--help', () => {
  it.each([
    [
      ['plan'],
      [
        '--zenlayer-endpoint <url>',
        '--neutron-endpoint <url>',
        '--instances <ids>',
        '--disks <ids>',
        '--ports <ids>',
        '--neutron-ports <ids>',
        '--ids-file <path>',
        '--protect <glob>',
        '--out <file>',
        '--json',
      ],
    ],
    [
      ['apply'],
      ['<plan>', '--yes', '--journal <path>', '--resume <journal>', '--max-wait <duration>', '--json', 'Exit codes:'],
    ],
  ])('%j names every flag', async (command, flags) => {
    const { stdout, code } = await runMain([...command, '--help']);
    expect(code).toBe(0);
    for (const flag of flags) expect(stdout).toContain(flag);
  });
});
