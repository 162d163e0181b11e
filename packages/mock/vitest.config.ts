import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: packageTests({
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 15_000,
    // A beforeAll that starts mocks pays Prism's load in that worker; CI runs every package at
    // once on 2 cores, where that took past vitest's 10 s default.
    hookTimeout: 60_000,
  }),
});
