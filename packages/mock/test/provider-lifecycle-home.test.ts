// Each provider brings its lifecycle rules, error shapes and seed checks through the provider
// table: adding a provider touches providers/ only, so nothing outside it may branch on a
// provider's name or reach into one provider's stateful parts.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src', import.meta.url));
const outsideProviders = (readdirSync(src, { recursive: true }) as string[])
  .filter((file) => file.endsWith('.ts') && !file.startsWith('providers'))
  .map((file) => ({ file: relative(src, join(src, file)), text: readFileSync(join(src, file), 'utf8') }));

it('no module outside providers/ compares a name with a provider', () => {
  const branches = outsideProviders.flatMap(({ file, text }) =>
    [...text.matchAll(/[!=]==\s*'(zenlayer|neutron)'|'(zenlayer|neutron)'\s*[!=]==|'(zenlayer|neutron)' in /g)].map(
      (m) => `${file}: ${m[0]}`,
    ),
  );
  expect(branches).toEqual([]);
});

it('the stateful mode imports no provider module but the table and its interface', () => {
  const reaches = outsideProviders
    .filter(({ file }) => file.startsWith('state'))
    .flatMap(({ file, text }) =>
      [...text.matchAll(/from '\.\.\/providers\/([^']+)'/g)]
        .filter((m) => !['index.js', 'provider.js'].includes(m[1]!))
        .map((m) => `${file}: ${m[1]}`),
    );
  expect(reaches).toEqual([]);
});
