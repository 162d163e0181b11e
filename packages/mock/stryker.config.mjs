import { strykerConfig } from '../../stryker.shared.mjs';

export default strykerConfig({
  // src/cli.ts runs only as the spawned, built binary (test/cli.test.ts), which no mutant reaches.
  mutate: ['src/**/*.ts', '!src/cli.ts'],
  vitest: { configFile: 'vitest.stryker.config.ts' },
});
