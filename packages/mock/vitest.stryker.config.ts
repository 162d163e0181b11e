// The mock's tests for Stryker: its own suite and the contract suite's tests that talk to the
// mock (not the ones that spawn it as a binary, nor the OpenStack interop through Python), all
// pointed at src/ where the mutants are, instead of the built dist/.
//
// Stryker runs this in its sandbox (packages/mock/.stryker-tmp/sandbox-*), a copy of this
// package with dist/ built, so the specs the mock serves are copied from dist/spec/ to src/spec/
// (where src/server.ts looks for them). The contract tests stay in the repository's
// packages/contract-tests and import the package name, which resolves to the sandbox's src/.
//
// Stryker switches a mutant on inside the test worker. Most contract files start their own mocks
// in their tests, so in the worker. Two (bad requests, documented responses) use the suite's
// mocks, which its global setup starts in the main process, where no mutant is ever active; here
// they are started in the worker instead (test/support/worker-mocks.ts there), once per worker since these files
// are not isolated, on two loopback ports reserved below and provided as the URLs they inject.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
mkdirSync(here('./src/spec/'), { recursive: true });
for (const name of ['zenlayer.yaml', 'neutron.yaml'])
  copyFileSync(here(`./dist/spec/${name}`), here(`./src/spec/${name}`));

/** packages/contract-tests of the repository this package (or its sandbox copy) is in. */
function contractTests(): string {
  for (let dir = here('.'); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'packages', 'contract-tests');
    if (existsSync(join(candidate, 'package.json'))) return candidate;
  }
  throw new Error(`packages/contract-tests not found above ${here('.')}`);
}

/** A free loopback port, for the worker's mock to listen on (ephemeral, released at once). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const alias = [
  { find: /^@cloud-release\/mock$/, replacement: here('./src/index.ts') },
  { find: /^(?:\.\.\/)+dist\/(.+)\.js$/, replacement: `${here('./src/')}$1.ts` },
];

export default defineConfig(async () => {
  const contract = contractTests();
  const [zenlayerPort, neutronPort] = [await freePort(), await freePort()];
  return {
    test: {
      projects: [
        {
          resolve: { alias },
          // Not isolated: Prism is imported once per worker, not once per test file (the mock's
          // own suite: 107 s isolated, 37 s not, on 1 worker). Its tests share no module state.
          test: { name: 'mock', root: here('.'), include: ['test/**/*.test.ts'], testTimeout: 15_000, isolate: false },
        },
        {
          resolve: { alias },
          test: {
            name: 'contract-suite-mocks',
            root: contract,
            include: ['test/bad-requests.test.ts', 'test/documented-responses.test.ts'],
            setupFiles: [join(contract, 'test/support/worker-mocks.ts')],
            provide: {
              zenlayerUrl: `http://127.0.0.1:${zenlayerPort}`,
              neutronUrl: `http://127.0.0.1:${neutronPort}`,
            },
            isolate: false,
            testTimeout: 20_000,
          },
        },
        {
          resolve: { alias },
          test: {
            name: 'contract-own-mocks',
            root: contract,
            include: [
              'test/stateful-answers.test.ts',
              'test/stateful-consumer.test.ts',
              'test/readme-rehearsal.test.ts',
              'test/sdk-headers.test.ts',
            ],
            testTimeout: 20_000,
            isolate: false,
          },
        },
      ],
    },
  };
});
