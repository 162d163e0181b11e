import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/fixture/ holds the consumer projects' files (release.test.ts runs there, not here).
    exclude: [...configDefaults.exclude, 'test/fixture/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // A run that finds no test is a failure, never a green run that checked nothing.
    passWithNoTests: false,
  },
});
