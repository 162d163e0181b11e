import { defineConfig } from 'vitest/config';

// Starting Chromium on two shared cores can take seconds.
export default defineConfig({
  test: {
    // A run that finds no test is a failure, never a green run that checked nothing.
    passWithNoTests: false,
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
