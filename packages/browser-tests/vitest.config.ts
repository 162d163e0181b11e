import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

// Starting Chromium on two shared cores can take seconds.
export default defineConfig({
  test: packageTests({
    testTimeout: 60_000,
    hookTimeout: 60_000,
  }),
});
