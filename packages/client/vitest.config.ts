import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: packageTests({
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    // Generous: timing tests wait for real servers, and CI runs every package at once on 2 cores.
    testTimeout: 30_000,
    // A beforeAll that starts mocks pays Prism's load in that worker: past vitest's 10 s default on a loaded CI.
    hookTimeout: 60_000,
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.type-tests.json' },
  }),
});
