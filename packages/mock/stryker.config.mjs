import { strykerConfig } from '../../stryker.shared.mjs';

export default strykerConfig({
  // src/cli.ts runs only as the spawned, built binary (test/cli.test.ts), which no mutant reaches.
  mutate: ['src/**/*.ts', '!src/cli.ts'],
  // The mock's own tests and the contract suite's bad-request and documented-response tests,
  // with the mocks those start inside the test worker (see the config's comments).
  // `related: false`: vitest's "related files" follow test files' imports, and
  // bad-requests.test.ts never imports the mock (its mocks start in a setup file), so with the
  // default it was never run, in the dry run or for any mutant. Per-test coverage already
  // limits each mutant to the tests that reach it.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
});
