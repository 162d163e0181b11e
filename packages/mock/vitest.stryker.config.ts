// The mock's own tests, pointed at src/ instead of the built dist/, for Stryker: mutants are
// planted in src/, and the tests import the package (`@cloud-release/mock`, `../dist/*.js`).
// Stryker runs this in its sandbox, a copy of the package with dist/ built, so the specs the
// mock serves are copied from dist/spec/ to src/spec/ (where src/server.ts looks for them).
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
mkdirSync(here('./src/spec/'), { recursive: true });
for (const name of ['zenlayer.yaml', 'neutron.yaml'])
  copyFileSync(here(`./dist/spec/${name}`), here(`./src/spec/${name}`));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@cloud-release\/mock$/, replacement: here('./src/index.ts') },
      { find: /^(?:\.\.\/)+dist\/(.+)\.js$/, replacement: `${here('./src/')}$1.ts` },
    ],
  },
  test: { include: ['test/**/*.test.ts'], testTimeout: 15_000 },
});
