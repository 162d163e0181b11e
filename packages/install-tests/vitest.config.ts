import { packageTests } from '@cloud-release/vitest-config';
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: packageTests({
    // test/fixture/ holds the consumer projects' files (release.test.ts runs there, not here).
    exclude: [...configDefaults.exclude, 'test/fixture/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  }),
});
