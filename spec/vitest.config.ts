import { defineConfig } from 'vitest/config';

// A run that finds no test is a failure, never a green run that checked nothing.
export default defineConfig({ test: { include: ['test/**/*.test.ts'], passWithNoTests: false } });
