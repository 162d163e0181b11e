// dist/browser/msw.js: the MSW handlers (src/msw.ts) bundled for browsers, which package.json's
// `browser` condition of `./msw` points at, so a page's bundler (esbuild, Vite, webpack) takes it
// for `setupWorker`. Runs after parsed-specs.mjs: the specs' parsed JSON is bundled in, since a
// page has no files to read. Node's built-ins the engine imports are small shims (scripts/browser/);
// the Prism parts the handlers never run are stubs that throw, as in the Node bundle, plus Prism's
// spec parser (the operations come parsed) and its HTTP forwarding.
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dualWithoutCopies, moduleBuildOfUmd, stubs, unused } from './bundle-plugins.mjs';
import { licenceNotices } from './licences.mjs';

const root = new URL('..', import.meta.url);
const specDir = new URL('dist/spec/', root);
const shim = (/** @type {string} */ name) => fileURLToPath(new URL(`browser/${name}.mjs`, import.meta.url));

/** Node's built-ins → the shim that stands for each in a browser. */
const builtins = {
  'node:crypto': shim('crypto'),
  'node:fs': shim('fs'),
  'node:fs/promises': shim('fs'),
  'node:timers': shim('timers-callbacks'),
  'node:timers/promises': shim('timers'),
  'node:url': shim('url'),
  path: shim('path'),
};

/** @type {import('esbuild').Plugin} */
const browserBuiltins = {
  name: 'browser-builtins',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^(node:.*|path)$/ }, (args) => {
      const path = builtins[/** @type {keyof typeof builtins} */ (args.path)];
      return path ? { path } : { errors: [{ text: `${args.path} has no shim in scripts/browser-bundle.mjs` }] };
    });
    pluginBuild.onResolve({ filter: /^cloud-release-mock:specs$/ }, () => ({ path: 'specs', namespace: 'specs' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'specs' }, () => {
      const names = readdirSync(specDir).filter((file) => file.endsWith('.json'));
      const specs = Object.fromEntries(names.map((name) => [name, readFileSync(new URL(name, specDir), 'utf8')]));
      return { contents: `export const specs = ${JSON.stringify(specs)};`, loader: 'js' };
    });
  },
};

const result = await build({
  entryPoints: { msw: fileURLToPath(new URL('src/msw.ts', root)) },
  outdir: fileURLToPath(new URL('dist/browser/', root)),
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  external: ['msw'],
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
  plugins: [
    browserBuiltins,
    stubs({
      ...unused,
      '@stoplight/prism-http/dist/utils/operations.js':
        "Prism's spec parser in the browser (the operations come parsed at build)",
      url: "Prism's proxy forwarding (the mock forwards nothing)",
    }),
    moduleBuildOfUmd,
    dualWithoutCopies,
  ],
});

// The packages only this build bundles (@noble/hashes) join the licences bundle.mjs listed.
const licences = new URL('dist/THIRD-PARTY-LICENSES.md', root);
const listed = readFileSync(licences, 'utf8');
const added = licenceNotices(result.metafile, fileURLToPath(root)).filter(
  (notice) => !listed.includes(`\n${notice.slice(0, notice.indexOf('\n'))}\n`),
);
if (added.length) appendFileSync(licences, ['', 'Bundled in dist/browser/ only:', '', ...added].join('\n'));
