import { strykerConfig } from '../../stryker.shared.mjs';

export default strykerConfig({
  // src/generated is openapi-typescript output (the spec's types and enum lists).
  // src/cli.ts runs only as the spawned, built binary (test/cli.test.ts), which no mutant reaches.
  mutate: ['src/**/*.ts', '!src/cli.ts', '!src/generated/**'],
  // vitest.stryker.config.ts: the package's own config, with its name resolving to src/.
  // `related: false`: vitest's "related files" follow the test files' imports, which name the
  // package rather than the file a mutant is in; per-test coverage already limits each mutant to
  // the tests that reach it.
  vitest: { configFile: 'vitest.stryker.config.ts', related: false },
});
