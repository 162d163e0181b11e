import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

// Starting Chromium on two shared cores can take seconds; one starts for the whole run.
export default defineConfig({
  test: packageTests({
    globalSetup: ['test/shared-browser.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  }),
});
