import { defineConfig } from 'vitest/config';

// A run that finds no test is a failure, never a green run that checked nothing.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 15_000, passWithNoTests: false } });
