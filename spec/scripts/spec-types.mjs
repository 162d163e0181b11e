#!/usr/bin/env node
// spec-types: the TypeScript types of this package's specs, written by openapi-typescript, for
// the packages that compile against them (the client, the mock): one process for every spec a
// package needs. It lives here because openapi-typescript prints its types through TypeScript
// 5's compiler API (a peer dependency), while the packages compile with TypeScript 7, whose
// package has no such API: only this package depends on both.
//
//   spec-types --out <dir> <spec>[:enum-values] ...
//
// writes <dir>/<spec>.ts for each spec named (zenlayer, neutron), as the openapi-typescript
// CLI would (its header, its defaults; the API's own Redocly rules, which also refuse a
// repeated operationId); `:enum-values` is its --enum-values (an array of each enum's values
// beside the types).
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const SPECS = ['zenlayer', 'neutron'];
const USAGE = 'usage: spec-types --out <dir> <spec>[:enum-values] ... (specs: zenlayer, neutron)';

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? args[outAt + 1] : undefined;
const wanted = args.filter((_, i) => outAt < 0 || (i !== outAt && i !== outAt + 1));
if (!out || wanted.length === 0) throw new Error(USAGE);

const targets = wanted.map((arg) => {
  const [name, option, ...rest] = arg.split(':');
  if (!SPECS.includes(name) || rest.length > 0 || (option !== undefined && option !== 'enum-values'))
    throw new Error(`spec-types: ${JSON.stringify(arg)} is not a spec of this package; ${USAGE}`);
  return { name, enumValues: option === 'enum-values' };
});

mkdirSync(out, { recursive: true });
for (const { name, enumValues } of targets) {
  const spec = new URL(`../${name}.yaml`, import.meta.url);
  const ast = await openapiTS(spec, { enumValues, silent: true });
  const file = resolve(out, `${name}.ts`);
  writeFileSync(file, `${COMMENT_HEADER}${astToString(ast)}`, 'utf8');
  console.log(`spec-types: ${name}.yaml → ${pathToFileURL(file).pathname}`);
}
