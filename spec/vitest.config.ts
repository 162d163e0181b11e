import { packageTests } from '@cloud-release/vitest-config';
import { defineConfig } from 'vitest/config';

export default defineConfig({ test: packageTests({ globalSetup: ['test/support/lint-once.ts'] }) });
