// The CLI's tests for Stryker, less test/readme-json.test.ts: it runs the README's command
// (`npx pnpm … cloud-release`) from the repository root, on the built dist/, which neither
// exists from Stryker's sandbox nor carries a mutant. Every other test runs.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({ test: { exclude: ['test/readme-json.test.ts', '**/node_modules/**'] } }),
);
