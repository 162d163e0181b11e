import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: packageTests({
    // Each test walks every operation page of a rendered reference; each page action may take PAGE_TIMEOUT (@cloud-release/headless-chromium).
    testTimeout: 300_000,
  }),
});
