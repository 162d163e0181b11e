// The esbuild plugins both of the mock's bundles use: the Node one (bundle.mjs) and the browser
// one of the MSW handlers (browser-bundle.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Packages the mock never runs, and why. Each is replaced by a module whose every use throws an
 * error naming it, so a future call fails loudly instead of answering wrongly.
 * @type {Record<string, string>}
 */
export const unused = {
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
 * @param {string} why
 */
const stub = (name, why) => `
const reason = ${JSON.stringify(`${name} is not bundled with @cloud-release/mock: ${why} is never used.`)};
const refuse = () => { throw new Error(reason); };
const handler = {
  get: (_, key) =>
    key === '__esModule' ? false : typeof key === 'symbol' || key === 'then' ? undefined : new Proxy(refuse, handler),
  apply: refuse,
  construct: refuse,
};
module.exports = ${name === 'json-schema-faker' ? '{ JSONSchemaFaker: { extend() {}, option() {}, generate: refuse } }' : 'new Proxy(refuse, handler)'};
`;

/**
 * Replaces each package of `table` (and its subpaths) by a stub that throws when used.
 * @param {Record<string, string>} table package → what it is for, which the mock never uses
 * @returns {import('esbuild').Plugin}
 */
export const stubs = (table) => ({
  name: 'stub-unused',
  setup(pluginBuild) {
    const names = Object.keys(table).map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    const filter = new RegExp(`^(${names.join('|')})(\\/.*)?$`);
    pluginBuild.onResolve({ filter }, (args) => ({
      path: /** @type {string} */ (filter.exec(args.path)?.[1]),
      namespace: 'unused',
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'unused' }, (args) => ({
      contents: stub(args.path, /** @type {string} */ (table[args.path])),
      loader: 'js',
    }));
  },
});

export const stubUnused = stubs(unused);

/**
 * Packages whose `main` is a UMD build, which a bundler cannot follow (its require() calls sit
 * inside a factory): their ES module build (`module`) is taken instead.
 * @type {import('esbuild').Plugin}
 */
export const moduleBuildOfUmd = {
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
export const dualWithoutCopies = {
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
