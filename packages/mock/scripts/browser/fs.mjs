// node:fs and node:fs/promises in the browser build. The only files the mock's MSW handlers read
// are its specs, parsed at build (parsed-specs.mjs) and bundled in as `specs`, keyed by file name
// (browser-bundle.mjs provides that module); anything else is a missing file, as Node would say.
import { specs } from 'cloud-release-mock:specs';

/** @param {string} path */
const nameOf = (path) => /\/spec\/([^/]+)$/.exec(path)?.[1] ?? '';

/** @param {string} path */
export const existsSync = (path) => Object.hasOwn(specs, nameOf(path));

/** @param {string} path */
export function readFileSync(path) {
  const name = nameOf(path);
  if (!Object.hasOwn(specs, name))
    throw Object.assign(
      new Error(`ENOENT: the mock's browser build reads no files but its own specs (asked for ${path})`),
      { code: 'ENOENT' },
    );
  return /** @type {string} */ (specs[name]);
}

/** @param {string} path */
export const readFile = async (path) => readFileSync(path);
