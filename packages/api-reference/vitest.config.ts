import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A run that finds no test is a failure, never a green run that checked nothing.
    passWithNoTests: false,
    include: ['test/**/*.test.ts'],
    // Each test walks every operation page of a rendered reference; see PAGE_TIMEOUT in the test.
    testTimeout: 300_000,
  },
});
