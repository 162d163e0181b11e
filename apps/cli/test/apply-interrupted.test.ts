// `cloud-release apply` as a user runs it (the built CLI in its own process) against the
// stateful mocks over HTTP: SIGINT at each kind of step of the disk, SDN port and Neutron port
// flows, or a call whose answer is lost, then `apply <plan> --resume <journal>`. What the mock
// journaled is the witness: no state-changing call it accepted is sent again. Only the
// interrupted applies run as processes (the signal is what they are about); each plan, each
// resume and each run whose answer is lost runs in-process, its waits on the mock's clock.
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { StatefulMock } from '@cloud-release/mock';
import { afterEach, describe, expect, it } from 'vitest';
import { runMain, spawnCli } from './support/harness.js';
import { type HeldCallProxy, heldCallProxy } from './support/held-call.js';
import {
  changesState,
  mockTime,
  neutronMock,
  neutronPlan,
  planOn,
  stateChanging,
  WEB_PORT,
  type ZenlayerResource,
  zenlayerFlags,
  zenlayerMock,
  zenlayerPlan,
} from './support/teardown.js';

/** Every state-changing call the mock received, in order, with its status (null: dropped). */
const changes = (mock: StatefulMock) => stateChanging(mock).map((r) => [r.operation, r.status]);

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function cli(args: string[], cwd: string) {
  const run = spawnCli(args, undefined, cwd);
  children.push(run.child);
  return run;
}

const journalLines = (path: string): Record<string, unknown>[] =>
  existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .flatMap((l) => {
          try {
            return [JSON.parse(l)];
          } catch {
            return [];
          }
        })
    : [];

async function until(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Whether the journal holds the step line `phase` of `step` (with `outcome`, if given). */
const journaled = (path: string, step: string, phase: 'before' | 'after', outcome?: string) =>
  journalLines(path).some(
    (l) =>
      l.event === 'step' && l.step === step && l.phase === phase && (outcome === undefined || l.outcome === outcome),
  );

/**
 * Sends SIGINT to an apply while the call the proxy holds is in flight, and lets the call go
 * once the run has taken the signal (journaled): the run must wait for that answer.
 */
async function interruptMidCall(run: ReturnType<typeof cli>, proxy: HeldCallProxy, journal: string) {
  await until(() => proxy.holding(), 'the call in flight');
  run.child.kill('SIGINT');
  await until(() => journalLines(journal).some((l) => l.event === 'interrupted'), 'the signal taken');
  proxy.release();
}

/** Resumes the apply `journal` records, in-process, its waits on the mock's clock. */
const resume = (mock: StatefulMock, plan: string, journal: string, dir: string) =>
  runMain(['apply', plan, '--yes', '--resume', journal, '--json'], { cwd: dir, waiterClock: mockTime(mock) });

interface Case {
  flow: string;
  where: string;
  seed: ZenlayerResource;
  /** The state-changing steps the flow sends, in order. */
  steps: string[];
  /** Interrupt while this step's call is in flight (`before`) or in the wait after it (`after`). */
  at: { step: string; phase: 'before' | 'after' };
  /** The mock's operation for each step, in order. */
  expected: string[];
}

const DISK: ZenlayerResource = { type: 'disk', id: 'd-data', status: 'AVAILABLE', diskType: 'DATA' };
const PORT: ZenlayerResource = { type: 'port', id: 'p-sdn', status: 'RUNNING' };
/** The Neutron port of the interrupted deletes: a VM's, at revision 4. */
const WEB = { id: WEB_PORT, device_owner: 'compute:nova', revision_number: 4 };
/**
 * The cases of a Zenlayer flow of two steps, terminate then release, whose calls are the mock's
 * operations `terminate` and `release`: each is accepted once, whichever step is interrupted.
 */
const flowCases =
  (flow: string, seed: ZenlayerResource, terminate: string, release: string) =>
  (where: string, at: Case['at']): Case => ({
    flow,
    where,
    seed,
    steps: ['terminate', 'release'],
    at,
    expected: [terminate, release],
  });
const instanceCase = flowCases(
  'instance',
  { type: 'instance', id: 'i-vm', status: 'RUNNING' },
  'TerminateInstance',
  'ReleaseInstances',
);
// The first ReleaseDisk moves it to the recycle bin, the second destroys it: once each.
const diskCase = flowCases('disk', DISK, 'ReleaseDisk', 'ReleaseDisk');
const portCase = flowCases('SDN port', PORT, 'TerminatePort', 'DestroyPort');

describe('SIGINT at each step kind, then --resume (built CLI, stateful Zenlayer mock on a manual clock)', () => {
  it.each([
    instanceCase('while its TerminateInstance is in flight', { step: 'terminate', phase: 'before' }),
    instanceCase('while its ReleaseInstances is in flight', { step: 'release', phase: 'before' }),
    diskCase('while its terminate (the first ReleaseDisk) is in flight', { step: 'terminate', phase: 'before' }),
    diskCase('in the wait for the recycle bin', { step: 'terminate', phase: 'after' }),
    diskCase('while its release (the second ReleaseDisk) is in flight', { step: 'release', phase: 'before' }),
    portCase('while its TerminatePort is in flight', { step: 'terminate', phase: 'before' }),
    portCase('in the wait for the recycle bin', { step: 'terminate', phase: 'after' }),
    portCase('while its DestroyPort is in flight', { step: 'release', phase: 'before' }),
    portCase('in the wait until gone (DESTROYING)', { step: 'release', phase: 'after' }),
  ])('$flow, $where: exit 130; the resume ends it gone (exit 0), each call accepted once', async (c) => {
    const mock = await zenlayerMock([c.seed], 'manual');
    // The interrupted step's call is the nth state-changing one: held in flight when `before`.
    const nth = c.steps.indexOf(c.at.step) + 1;
    const inFlight = c.at.phase === 'before';
    // Carry the run to the chosen step: each transition before it is let through by hand, as
    // its call's answer passes (the run's next read finds it done).
    let answered = 0;
    const passed = (req: IncomingMessage) => {
      if (changesState(req) && ++answered < nth) mock.advance(50);
    };
    const proxy = await heldCallProxy(mock.url, changesState, inFlight ? nth : 0, passed);
    const { dir, out: plan } = await planOn({ api: mock.api, url: proxy.url }, zenlayerFlags([c.seed]));
    const journal = join(dir, 'j.jsonl');
    const first = cli(['apply', plan, '--yes', '--journal', journal], dir);
    if (inFlight) await interruptMidCall(first, proxy, journal);
    else {
      await until(() => journaled(journal, c.at.step, 'after', 'accepted'), `${c.at.step} accepted`);
      first.child.kill('SIGINT');
    }
    const stopped = await first.done;
    expect(stopped.code).toBe(130);
    // A call in flight when the signal came is let finish, and journaled as accepted.
    expect(journaled(journal, c.at.step, 'after', 'accepted')).toBe(true);

    const resumed = await resume(mock, plan, journal, dir);
    expect(resumed.code).toBe(0);
    expect(JSON.parse(resumed.stdout).results).toEqual([expect.objectContaining({ id: c.seed.id, result: 'gone' })]);
    expect(mock.resources()).toEqual([]);
    expect(changes(mock)).toEqual(c.expected.map((operation) => [operation, 200]));
  });

  it('Neutron port, while its DELETE is in flight: exit 130; the resume reads it gone (exit 0, gone), one DELETE', async () => {
    const mock = await neutronMock([WEB]);
    const proxy = await heldCallProxy(mock.url, changesState, 1);
    const { dir, out: plan } = await planOn({ api: mock.api, url: proxy.url }, ['--neutron-ports', WEB_PORT]);
    const journal = join(dir, 'j.jsonl');
    const first = cli(['apply', plan, '--yes', '--journal', journal], dir);
    await interruptMidCall(first, proxy, journal);
    expect((await first.done).code).toBe(130);
    expect(journaled(journal, 'delete', 'after', 'accepted')).toBe(true);

    const resumed = await resume(mock, plan, journal, dir);
    expect(resumed.code).toBe(0);
    // This run's own DELETE took it: gone, not "already gone".
    expect(JSON.parse(resumed.stdout).results).toEqual([expect.objectContaining({ id: WEB_PORT, result: 'gone' })]);
    expect(changes(mock)).toEqual([['DeletePort', 204]]);
    expect(journalLines(journal).at(-1)).toMatchObject({ event: 'result', id: WEB_PORT, result: 'gone' });
  });
});

describe('a call whose answer is lost, then --resume (built CLI, stateful mocks)', () => {
  it.each([
    {
      flow: 'disk',
      seed: DISK,
      step: 'release',
      // The second ReleaseDisk: the first (the terminate) is answered.
      operation: 'ReleaseDisk',
      expected: [
        ['ReleaseDisk', 200],
        ['ReleaseDisk', null],
      ],
    },
    {
      flow: 'SDN port',
      seed: PORT,
      step: 'release',
      operation: 'DestroyPort',
      expected: [
        ['TerminatePort', 200],
        ['DestroyPort', null],
      ],
    },
  ])(
    '$flow: its $operation applied, answer dropped → unknown (exit 3); the resume reads, never re-sends, ends gone',
    async (c) => {
      const { mock, dir, plan } = await zenlayerPlan([c.seed], 'manual');
      const journal = join(dir, 'j.jsonl');
      // Held in the recycling transition until the fault is in place for the release: the
      // first wait (for the recycle bin, after the terminate) queues it.
      let queued = false;
      const queue = () => {
        if (!queued) mock.fault({ operation: c.operation, applyThenDrop: true, times: 1 });
        queued = true;
      };
      const ended = await runMain(['apply', plan, '--yes', '--journal', journal, '--json'], {
        cwd: dir,
        waiterClock: mockTime(mock, queue),
      });
      expect(ended.code).toBe(3);
      expect(JSON.parse(ended.stdout).results[0]).toMatchObject({ result: 'unknown', step: c.step });
      expect(journaled(journal, c.step, 'after', 'unknown')).toBe(true);

      const resumed = await resume(mock, plan, journal, dir);
      expect(resumed.code).toBe(0);
      expect(JSON.parse(resumed.stdout).results[0]).toMatchObject({ id: c.seed.id, result: 'gone' });
      expect(mock.resources()).toEqual([]);
      expect(changes(mock)).toEqual(c.expected);
    },
  );

  it.each([
    ['applied, answer dropped', 'applyThenDrop', [['DeletePort', null]]],
    [
      'dropped before it was applied',
      'drop',
      [
        ['DeletePort', null],
        ['DeletePort', 204],
      ],
    ],
  ] as const)(
    'Neutron port, its DELETE %s → unknown (exit 3); the resume reads first, sends again only what did not take',
    async (_, fault, expected) => {
      const { mock, dir, plan } = await neutronPlan([WEB]);
      const journal = join(dir, 'j.jsonl');
      mock.fault({ operation: 'DeletePort', [fault]: true, times: 1 });
      const ended = await runMain(['apply', plan, '--yes', '--journal', journal], { cwd: dir });
      expect(ended.code).toBe(3);
      expect(journaled(journal, 'delete', 'after', 'unknown')).toBe(true);

      const resumed = await resume(mock, plan, journal, dir);
      expect(resumed.code).toBe(0);
      expect(JSON.parse(resumed.stdout).results[0]).toMatchObject({ id: WEB_PORT, result: 'gone' });
      expect(mock.resources()).toEqual([]);
      expect(changes(mock)).toEqual(expected);
    },
  );
});
