import { strykerConfig } from '../../stryker.shared.mjs';

export default strykerConfig({
  // src/cli.ts runs only as the spawned, built binary (test/cli.test.ts), which no mutant reaches.
  mutate: ['src/**/*.ts', '!src/cli.ts'],
  // The mock's own tests and the contract suite's bad-request and documented-response tests,
  // with the mocks those start inside the test worker (see the config's comments).
  vitest: { configFile: 'vitest.stryker.config.ts' },
});
