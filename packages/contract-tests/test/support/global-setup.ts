// Both mocks for the whole suite, on ephemeral ports; the suite's wall time is printed at the end.
// A mock that never becomes ready fails the run within START_TIMEOUT_MS, naming which one:
// an unbounded wait here once let vitest end with no test run and exit 0.
import { startMock } from '@cloud-release/mock';
import type { TestProject } from 'vitest/node';
import { SUITE_MOCKS } from './suite-mocks.js';

declare module 'vitest' {
  export interface ProvidedContext {
    zenlayerUrl: string;
    neutronUrl: string;
  }
}

type Mock = Awaited<ReturnType<typeof startMock>>;

const START_TIMEOUT_MS = Number(process.env.CONTRACT_MOCK_START_TIMEOUT_MS ?? 30_000);

/** Resolves with the started mock, or rejects naming it once `ms` have passed without it listening. */
function startWithin(name: string, start: Promise<Mock>, ms: number): Promise<Mock> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`contract suite: the ${name} mock did not start within ${ms / 1000} s`)),
      ms,
    );
  });
  return Promise.race([start, timeout]).finally(() => clearTimeout(timer));
}

export default async function setup(project: TestProject) {
  const started = performance.now();
  const starting = {
    zenlayer: startMock(SUITE_MOCKS.zenlayer),
    neutron: startMock(SUITE_MOCKS.neutron),
  };
  const results = await Promise.allSettled([
    startWithin('zenlayer', starting.zenlayer, START_TIMEOUT_MS),
    startWithin('neutron', starting.neutron, START_TIMEOUT_MS),
  ]);
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length > 0) {
    // Stop whichever mock did start (also one that starts late), then fail with every reason.
    for (const start of Object.values(starting)) start.then((mock) => mock.close()).catch(() => {});
    throw new Error(failed.map((r) => (r.reason instanceof Error ? r.reason.message : String(r.reason))).join('; '));
  }
  const [zenlayer, neutron] = results.map((r) => (r as PromiseFulfilledResult<Mock>).value) as [Mock, Mock];
  project.provide('zenlayerUrl', zenlayer.url);
  project.provide('neutronUrl', neutron.url);
  console.log(
    `contract suite: mocks up in ${(performance.now() - started).toFixed(0)} ms (${zenlayer.url}, ${neutron.url})`,
  );
  return async () => {
    await Promise.all([zenlayer.close(), neutron.close()]);
    console.log(
      `contract suite: wall time ${((performance.now() - started) / 1000).toFixed(2)} s, mock start included`,
    );
  };
}
