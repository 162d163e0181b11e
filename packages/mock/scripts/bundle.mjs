// The mock's dist/*.js: one ES module per entry point (and the chunks they share), with Prism and
// the rest of its dependencies bundled in. Importing the mock unbundled made Node's CommonJS
// loader resolve and compile about 2,900 modules (1.3 s); a bundle is a few files. Prism's
// dynamic generation (faker, json-schema-faker), its proxy forwarding and its Postman import are
// never used by the mock (it runs `dynamic: false` on OpenAPI specs and forwards nothing): they
// are replaced by stubs that throw if anything ever calls them, see the `unused` table below.
// Declarations still come from tsc (build script); the spec copies from copy-spec.mjs.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

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

/**
 * Packages the mock never runs, and why. Each is replaced by a module whose every use throws an
 * error naming it, so a future call fails loudly instead of answering wrongly.
 * @type {Record<string, string>}
 */
const unused = {
  '@faker-js/faker': "Prism's dynamic generation (the mock answers from documented examples)",
  'json-schema-faker': "Prism's dynamic generation (the mock answers from documented examples)",
  seedrandom: "Prism's dynamic generation (the mock answers from documented examples)",
  'node-fetch': "Prism's proxy forwarding (the mock forwards nothing)",
  'http-proxy-agent': "Prism's proxy forwarding (the mock forwards nothing)",
  'https-proxy-agent': "Prism's proxy forwarding (the mock forwards nothing)",
  'postman-collection': 'Postman collections as specs (the mock loads its OpenAPI documents)',
  'lodash/fp': "Prism's security check (each provider's mock authenticates itself: `checkSecurity: false`)",
};

/**
 * A CommonJS module whose exports are a proxy: reading a property works (Prism reads them when
 * it loads), calling or constructing anything throws. json-schema-faker is configured when
 * Prism loads (`extend`, `option`): those two calls do nothing, its `generate` throws.
 * @param {string} name
 */
const stub = (name) => `
const reason = ${JSON.stringify(`${name} is not bundled with @cloud-release/mock: ${unused[name]} is never used.`)};
const refuse = () => { throw new Error(reason); };
const handler = {
  get: (_, key) =>
    key === '__esModule' ? false : typeof key === 'symbol' || key === 'then' ? undefined : new Proxy(refuse, handler),
  apply: refuse,
  construct: refuse,
};
module.exports = ${name === 'json-schema-faker' ? '{ JSONSchemaFaker: { extend() {}, option() {}, generate: refuse } }' : 'new Proxy(refuse, handler)'};
`;

/** @type {import('esbuild').Plugin} */
const stubUnused = {
  name: 'stub-unused',
  setup(pluginBuild) {
    const filter = new RegExp(`^(${Object.keys(unused).join('|').replaceAll('/', '\\/')})(\\/.*)?$`);
    pluginBuild.onResolve({ filter }, (args) => ({
      path: /** @type {string} */ (filter.exec(args.path)?.[1]),
      namespace: 'unused',
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({ contents: stub(args.path), loader: 'js' }));
  },
};

/**
 * Packages whose `main` is a UMD build, which a bundler cannot follow (its require() calls sit
 * inside a factory): their ES module build (`module`) is taken instead.
 * @type {import('esbuild').Plugin}
 */
const moduleBuildOfUmd = {
  name: 'module-build-of-umd',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^jsonc-parser$/ }, (args) => {
      const pkgJson = createRequire(join(args.resolveDir, 'x.js')).resolve(`${args.path}/package.json`);
      return { path: join(dirname(pkgJson), JSON.parse(readFileSync(pkgJson, 'utf8')).module) };
    });
  },
};

// fp-ts's `dual` (behind Either.chain, TaskEither.flatMap… which Prism calls many times a
// request) copies its arguments on every call: Array.from, then a spread for the data-last form.
// The same function without those copies (data-first: the arguments as they are; data-last with
// one argument, as Prism calls it: a closure over it) took 15-25 % off the mock's CPU per request.
// The build fails if fp-ts's text is no longer the one replaced here.
const DUAL = `    return function () {
        var args = Array.from(arguments);
        if (isDataFirst(arguments)) {
            return body.apply(this, args);
        }
        return function (self) { return body.apply(void 0, __spreadArray([self], args, false)); };
    };`;
const DUAL_WITHOUT_COPIES = `    return function () {
        if (isDataFirst(arguments)) {
            return body.apply(this, arguments);
        }
        if (arguments.length === 1) {
            var arg = arguments[0];
            return function (self) { return body(self, arg); };
        }
        var args = Array.from(arguments);
        return function (self) { return body.apply(void 0, __spreadArray([self], args, false)); };
    };`;

/** @type {import('esbuild').Plugin} */
const dualWithoutCopies = {
  name: 'fp-ts-dual-without-copies',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /[\\/]fp-ts[\\/]lib[\\/]function\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (source.split(DUAL).length !== 2)
        throw new Error(`${args.path}: fp-ts's dual() is not the text scripts/bundle.mjs replaces; update or drop it`);
      return { contents: source.replace(DUAL, DUAL_WITHOUT_COPIES), loader: 'js' };
    });
  },
};

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

// The licences of what is bundled: Apache-2.0 asks for its text and any NOTICE to travel with
// the code, MIT and ISC for the copyright notice. One file lists every bundled package.
// Keyed by directory: two versions of one package are two entries.
const packageDirs = new Set(
  Object.keys(result.metafile.inputs).flatMap((input) => {
    const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
    return dir ? [join(root, dir)] : [];
  }),
);
const notices = [...packageDirs]
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .sort((a, b) => `${a.pkg.name}@${a.pkg.version}`.localeCompare(`${b.pkg.name}@${b.pkg.version}`))
  .map(({ dir, pkg }) => {
    const texts = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE', 'license', 'LICENSE-MIT', 'NOTICE', 'NOTICE.md']
      .map((file) => {
        try {
          return readFileSync(join(dir, file), 'utf8').trim();
        } catch {
          return undefined;
        }
      })
      .filter(Boolean);
    // `license`, or the older `licenses: [{ type }]`.
    const license =
      typeof pkg.license === 'string'
        ? pkg.license
        : (pkg.licenses ?? [pkg.license]).map((/** @type {{ type?: string }} */ l) => l?.type).join(' OR ') ||
          'not stated';
    const author = typeof pkg.author === 'string' ? pkg.author : pkg.author?.name;
    const fallback = `The package ships no licence text. Licence: ${license}${author ? `; author: ${author}` : ''}.`;
    return [`## ${pkg.name}@${pkg.version} (${license})`, '', ...(texts.length ? texts : [fallback]), ''].join('\n');
  });
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
