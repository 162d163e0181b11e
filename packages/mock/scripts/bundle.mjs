// The mock's dist/*.js: one ES module per entry point (and the chunks they share), with Prism and
// the rest of its dependencies bundled in. Importing the mock unbundled made Node's CommonJS
// loader resolve and compile about 2,900 modules (1.3 s); a bundle is a few files. Prism's
// dynamic generation (faker, json-schema-faker), its proxy forwarding and its Postman import are
// never used by the mock (it runs `dynamic: false` on OpenAPI specs and forwards nothing): they
// are replaced by stubs that throw if anything ever calls them, see the `unused` table in bundle-plugins.mjs.
// Declarations still come from tsc (build script); the spec copies from copy-spec.mjs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dualWithoutCopies, moduleBuildOfUmd, stubUnused, unused } from './bundle-plugins.mjs';
import { licenceNotices } from './licences.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/**
 * Each `import` target `./dist/NAME.js` of the package's exports is built from `src/NAME.ts`;
 * the bin (bin/cloud-release-mock.js) imports dist/cli.js.
 * @returns {Record<string, string>}
 */
function entryPoints() {
  /** @type {Record<string, string>} */
  const entries = { cli: join(root, 'src/cli.ts') };
  for (const target of Object.values(manifest.exports)) {
    const file = typeof target === 'string' ? target : target.import;
    const name = /^\.\/dist\/(.+)\.js$/.exec(file ?? '')?.[1];
    if (name) entries[name] = join(root, `src/${name}.ts`);
  }
  return entries;
}

rmSync(dist, { recursive: true, force: true });
const result = await build({
  entryPoints: entryPoints(),
  outdir: dist,
  bundle: true,
  // Entry points share one copy of the engine and Prism; chunks sit beside the entries in dist/,
  // so `new URL('./spec/…', import.meta.url)` finds the copied specs from any of them.
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Peers are the consumer's own copy (msw when its handlers are used).
  external: Object.keys(manifest.peerDependencies ?? {}),
  // Bundled CommonJS still calls require() for Node's built-ins: give the ES module one.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);",
  },
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  plugins: [stubUnused, moduleBuildOfUmd, dualWithoutCopies],
});

const notices = licenceNotices(result.metafile, root);
writeFileSync(
  join(dist, 'THIRD-PARTY-LICENSES.md'),
  [
    '# Third-party software bundled in @cloud-release/mock',
    '',
    "The files in dist/ include the following packages (Prism, yaml and their dependencies); each one's licence follows.",
    `Not bundled, replaced by stubs that throw when called: ${Object.keys(unused).join(', ')}.`,
    '',
    ...notices,
  ].join('\n'),
);
