// Stateful mocks of both providers for the plan/apply tests, and a temporary directory for
// their plan files and journals; every test stops what it starts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StatefulMock, startMock } from '@cloud-release/mock';
import { closeAfterTest, removeAfterFile } from './after-test.js';
import { SECRETS } from './harness.js';

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
