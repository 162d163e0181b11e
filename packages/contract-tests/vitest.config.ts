import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: packageTests({
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 20_000,
    // Concurrent tests of a file all start at once (vitest's default is 5): the teardown
    // workflows' 13 tests spend most of their time waiting between polls.
    maxConcurrency: 16,
    // A beforeAll that starts mocks pays Prism's load in that worker: past vitest's 10 s default on a loaded CI.
    hookTimeout: 60_000,
  }),
});
