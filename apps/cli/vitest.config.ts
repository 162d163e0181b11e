import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: packageTests({
    // Files share a worker's module cache (the CLI, the client and the mock load once per
    // worker, not once per file): no file leaves a global changed, and the setup file's hooks
    // stop what a test started.
    isolate: false,
    setupFiles: ['test/support/setup.ts'],
    // Generous: a first test in a worker pays the mock's import, and CI runs every package at once on 2 cores.
    testTimeout: 60_000,
    // A beforeAll that starts mocks pays Prism's load in that worker: past vitest's 10 s default on a loaded CI.
    hookTimeout: 60_000,
  }),
});
