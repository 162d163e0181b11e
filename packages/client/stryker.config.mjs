import { strykerConfig } from '../../stryker.shared.mjs';

export default strykerConfig({
  // src/generated is openapi-typescript output: types only, nothing to mutate.
  mutate: ['src/**/*.ts', '!src/generated/**'],
  vitest: { configFile: 'vitest.stryker.config.ts' },
});
