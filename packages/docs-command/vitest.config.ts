import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A run that finds no test is a failure, never a green run that checked nothing.
    passWithNoTests: false,
    include: ['test/**/*.test.ts'],
    // Each test starts pnpm through npx (about a second each on an idle machine).
    testTimeout: 60_000,
  },
});
