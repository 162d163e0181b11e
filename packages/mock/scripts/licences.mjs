// The licences of what is bundled: Apache-2.0 asks for its text and any NOTICE to travel with
// the code, MIT and ISC for the copyright notice. dist/THIRD-PARTY-LICENSES.md lists every
// bundled package: bundle.mjs writes it, browser-bundle.mjs adds what only the browser build has.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One section per package a build bundled: `## name@version (licence)`, then its texts.
 * Keyed by directory: two versions of one package are two entries.
 * @param {import('esbuild').Metafile} metafile
 * @param {string} root the directory the metafile's paths are relative to
 * @returns {string[]}
 */
export function licenceNotices(metafile, root) {
  const packageDirs = new Set(
    Object.keys(metafile.inputs).flatMap((input) => {
      const dir = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1];
      return dir ? [join(root, dir)] : [];
    }),
  );
  return [...packageDirs]
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
}
