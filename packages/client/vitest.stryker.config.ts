// The client's tests for Stryker, less one: the test that compiles src/ with tsc into
// declarations (test/runtimes.test.ts, "public types compile…") cannot compile Stryker's
// instrumented copy of src/, and no mutant changes a type. Every other test runs.
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

export default mergeConfig(
  base,
  defineConfig({ test: { testNamePattern: /^(?!.*compile in a DOM-only project, without @types\/node)/ } }),
);
