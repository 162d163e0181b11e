import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A run that finds no test is a failure, never a green run that checked nothing.
    passWithNoTests: false,
    include: ['test/**/*.test.ts'],
    // Each test walks every operation page of a rendered reference; each page action may take PAGE_TIMEOUT (@cloud-release/headless-chromium).
    testTimeout: 300_000,
  },
});
