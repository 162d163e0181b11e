import { strykerConfig } from '../../stryker.shared.mjs';

export default strykerConfig({
  // src/generated is openapi-typescript output (the spec's types and enum lists).
  // src/cli.ts runs only as the spawned, built binary (test/cli.test.ts), which no mutant reaches.
  mutate: ['src/**/*.ts', '!src/cli.ts', '!src/generated/**'],
  // The package's own vitest config. `related: false`: vitest's "related files" follow the test
  // files' imports, and tests that import the built dist/ would never be picked for a mutant in
  // src/; per-test coverage already limits each mutant to the tests that reach it.
  vitest: { related: false },
});
