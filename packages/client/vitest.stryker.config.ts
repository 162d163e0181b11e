// The client's tests for Stryker, less one: the test that compiles src/ with tsc into
// declarations (test/runtimes.test.ts, "public types compile…") cannot compile Stryker's
// instrumented copy of src/, and no mutant changes a type. Every other test runs.
// Tests that import the package by its name (test/companions.test.ts) would reach the built
// dist/, where no mutant is: the name resolves to src/ here (the companion reads were reported
// 0 %, all "no coverage", before this alias).
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [
        { find: /^@cloud-release\/client$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
      ],
    },
    test: { testNamePattern: /^(?!.*compile in a DOM-only project, without @types\/node)/ },
  }),
);
