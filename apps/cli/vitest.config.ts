import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: packageTests({
    setupFiles: ['test/support/setup.ts'],
    // Generous: a first test in a worker pays the mock's import, and CI runs every package at once on 2 cores.
    testTimeout: 60_000,
    // A beforeAll that starts mocks pays Prism's load in that worker: past vitest's 10 s default on a loaded CI.
    hookTimeout: 60_000,
  }),
});
