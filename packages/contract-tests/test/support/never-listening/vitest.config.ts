// The contract suite's own configuration, with a mock that never listens and a short start bound:
// `test/mock-start-bound.test.ts` runs vitest with it and expects a prompt, named failure.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import suite from '../../../vitest.config.js';

export default mergeConfig(
  suite,
  defineConfig({
    root: fileURLToPath(new URL('../../../', import.meta.url)),
    resolve: {
      alias: [{ find: /^@cloud-release\/mock$/, replacement: fileURLToPath(new URL('./mock.ts', import.meta.url)) }],
    },
    test: { include: ['test/support/never-listening/*.check.ts'] },
  }),
);
