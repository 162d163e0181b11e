// The mock's tests for Stryker. Most of them reach the mock by its package name, which resolves
// to the built dist/ bundle, where no mutant is: here the name resolves to src/ (as in the
// client's), so a mutant in src/ meets every test that exercises its behaviour.
import { fileURLToPath } from 'node:url';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

const source = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [
        { find: /^@cloud-release\/mock$/, replacement: source('index.ts') },
        { find: /^@cloud-release\/mock\/msw$/, replacement: source('msw.ts') },
      ],
    },
  }),
);
