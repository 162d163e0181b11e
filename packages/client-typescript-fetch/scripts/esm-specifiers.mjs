// openapi-generator 5.0.0-beta2 writes extensionless relative imports ('./runtime', '../models',
// './'), which Node's ESM loader and NodeNext type resolution refuse. The generated sources stay
// untouched; this rewrites the specifiers in tsc's output (dist/*.js and *.d.ts) to the files
// they resolve to, so the package is plain ESM.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g;

/**
 * @param {string} file the output file the specifier is in
 * @param {string} specifier an extensionless relative specifier
 */
function resolveSpecifier(file, specifier) {
  const target = resolve(dirname(file), specifier);
  if (existsSync(`${target}.js`)) return `${specifier}.js`;
  if (existsSync(join(target, 'index.js'))) return `${specifier.replace(/\/$/, '')}/index.js`;
  throw new Error(`${relative(dist, file)}: cannot resolve ${specifier}`);
}

/** @param {string} dir */
function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.js') || name.endsWith('.d.ts')) {
      const source = readFileSync(path, 'utf8');
      const rewritten = source.replace(SPECIFIER, (_, lead, quote, spec) =>
        spec.endsWith('.js')
          ? `${lead}${quote}${spec}${quote}`
          : `${lead}${quote}${resolveSpecifier(path, spec)}${quote}`,
      );
      if (rewritten !== source) writeFileSync(path, rewritten);
    }
  }
}
walk(dist);
