// Stateful mocks of both providers for the plan/apply tests, and a temporary directory for
// their plan files and journals; every test stops what it starts.
import { mkdtempSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import type { WaiterClock } from '@cloud-release/client';
import { type StatefulMock, startMock } from '@cloud-release/mock';
import { expect } from 'vitest';
import { closeAfterTest, removeAfterFile } from './after-test.js';
import { runMain, SECRETS } from './harness.js';

export const ROUTER_PORT = '0b7c1f9e-2d4a-4c8b-9e6f-3a5d7c9e1b2f';
export const WEB_PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
export const DB_PORT = '3f1e2d4c-5b6a-4789-8abc-def012345678';

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cloud-release-plan-'));
  removeAfterFile(dir);
  return dir;
}

export async function zenlayerMock(resources: unknown[], transitionMs: number | 'manual' = 0): Promise<StatefulMock> {
  const mock = await startMock({
    api: 'zenlayer',
    mode: 'stateful',
    strict: true,
    transitionMs,
    credentials: { [SECRETS.ZENLAYER_ACCESS_KEY_ID]: SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD },
    seed: { resources },
  });
  closeAfterTest(() => mock.close());
  return mock;
}

export async function neutronMock(resources: unknown[]): Promise<StatefulMock> {
  const mock = await startMock({ api: 'neutron', mode: 'stateful', strict: true, seed: { resources } });
  closeAfterTest(() => mock.close());
  return mock;
}

/**
 * Runs `plan --<api>-endpoint <mock> <flags> --out <dir>/plan.json` in `dir` (a fresh one unless
 * given): the plan is written (exit 0). `mock` may be a proxy in front of one (its api and URL):
 * the plan names that URL. Returns the run and where the plan is.
 */
export async function planOn(mock: Pick<StatefulMock, 'api' | 'url'>, flags: string[], dir = tempDir()) {
  const out = join(dir, 'plan.json');
  const run = await runMain(['plan', `--${mock.api}-endpoint`, mock.url, ...flags, '--out', out], { cwd: dir });
  expect(run.code).toBe(0);
  return { run, out, dir };
}

/** A seed resource of the stateful Zenlayer mock. */
export interface ZenlayerResource {
  type: 'instance' | 'disk' | 'port';
  id: string;
  [field: string]: unknown;
}
const FLAG = { instance: '--instances', disk: '--disks', port: '--ports' } as const;

/**
 * A stateful Zenlayer mock holding `resources`, and a plan of all of them in a fresh directory
 * (the ids of each type as one comma-separated flag, as a user lists them).
 */
export async function zenlayerPlan(resources: ZenlayerResource[], transitionMs: number | 'manual' = 0) {
  const mock = await zenlayerMock(resources, transitionMs);
  const { out, dir } = await planOn(mock, zenlayerFlags(resources));
  return { mock, dir, plan: out };
}

/** The plan flags that list `resources`: the ids of each type as one comma-separated flag. */
export function zenlayerFlags(resources: ZenlayerResource[]): string[] {
  const types = [...new Set(resources.map((r) => r.type))];
  return types.flatMap((type) => [FLAG[type], resources.flatMap((r) => (r.type === type ? [r.id] : [])).join(',')]);
}

/** A stateful Neutron mock holding `ports`, and a plan of all of them in a fresh directory. */
export async function neutronPlan(ports: { id: string; [field: string]: unknown }[]) {
  const mock = await neutronMock(ports);
  const { out, dir } = await planOn(mock, ['--neutron-ports', ports.map((p) => p.id).join(',')]);
  return { mock, dir, plan: out };
}

/** The operations the mock answered, in order. */
export const operations = (mock: StatefulMock) => mock.requests().map((r) => r.operation);

/** The operations that change state: what a teardown must never have accepted twice. */
const CHANGING = new Set([
  'TerminateInstance',
  'ReleaseInstances',
  'ReleaseDisk',
  'TerminatePort',
  'DestroyPort',
  'DeletePort',
]);

/** Every state-changing call the mock journaled, in order. */
export const stateChanging = (mock: StatefulMock) => mock.requests().filter((r) => CHANGING.has(r.operation ?? ''));

/** Whether a request on the wire is a state-changing call (a Zenlayer action, or a Neutron DELETE). */
export const changesState = (req: IncomingMessage) =>
  req.method === 'DELETE' || CHANGING.has(String(req.headers['x-zc-action']));

/**
 * Time for an in-process run's waits that the mock's clock keeps: a wait of n ms moves the
 * mock's clock n ms on (through a transition, on a manual clock) and returns after one
 * event-loop turn, so a run waits out transitions in no real time. `inWait`, called at the
 * start of each wait, is where a test acts while the run is waiting (a signal, a fault).
 */
export function mockTime(mock: Pick<StatefulMock, 'advance'>, inWait: () => void = () => {}): WaiterClock {
  let now = 0;
  return {
    now: () => now,
    async sleep(ms, signal) {
      inWait();
      signal?.throwIfAborted();
      now += ms;
      mock.advance(ms);
      await setImmediate();
      signal?.throwIfAborted();
    },
    random: Math.random,
  };
}
