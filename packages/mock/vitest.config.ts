import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: packageTests({
    // Files share a worker's module cache (the mock's bundle and its parsed specs load once per
    // worker, not once per file): no file changes globals, and what a test opens is closed by
    // the setup file's afterEach.
    isolate: false,
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 15_000,
    // A beforeAll that starts mocks pays Prism's load in that worker; CI runs every package at
    // once on 2 cores, where that took past vitest's 10 s default.
    hookTimeout: 60_000,
  }),
});
