// Both mocks for the whole suite, on ephemeral ports; the suite's wall time is printed at the end.
import { startMock } from '@cloud-release/mock';
import type { TestProject } from 'vitest/node';
import { SUITE_BEARER_TOKEN, SUITE_CREDENTIALS } from './clients.js';

declare module 'vitest' {
  export interface ProvidedContext {
    zenlayerUrl: string;
    neutronUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started = performance.now();
  const [zenlayer, neutron] = await Promise.all([
    startMock({
      api: 'zenlayer',
      credentials: { [SUITE_CREDENTIALS.accessKeyId]: SUITE_CREDENTIALS.accessKeyPassword },
      // With credentials the mock accepts only listed bearer tokens (issue 10).
      bearerTokens: [SUITE_BEARER_TOKEN],
    }),
    startMock({ api: 'neutron' }),
  ]);
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
