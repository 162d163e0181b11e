// Setup file of the mock's mutation run only (packages/mock/vitest.stryker.config.ts), not of
// this suite. Stryker switches a mutant on inside the test worker, so there the mocks must run
// in the worker, not in the global setup's main process. They start once per worker (the run
// does not isolate these files) on the ports that config reserved and provided as the URLs the
// tests inject; the worker's end closes them.
import { startMock } from '@cloud-release/mock';
import { inject } from 'vitest';
import { SUITE_MOCKS } from './suite-mocks.js';

const holder = globalThis as { contractSuiteMocks?: Promise<unknown> };
holder.contractSuiteMocks ??= Promise.all([
  startMock({ ...SUITE_MOCKS.zenlayer, port: Number(new URL(inject('zenlayerUrl')).port) }),
  startMock({ ...SUITE_MOCKS.neutron, port: Number(new URL(inject('neutronUrl')).port) }),
]);
await holder.contractSuiteMocks;
