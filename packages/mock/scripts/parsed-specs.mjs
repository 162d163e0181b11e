// Each copied spec parsed once, at build, beside it in dist/spec/: <name>.json (the document,
// for the stateful mode's resource schemas) and <name>.operations.json (Prism's operations, for
// its router and validator). A mock reads these at start instead of parsing the YAML in every
// process, which cost more than everything else a start does (src/prism.ts,
// src/state/resource-schemas.ts). The operations come from Prism's own parser, the one the mock
// would otherwise run; they round-trip through JSON unchanged (it replaces cycles by references).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import prismOperations from '@stoplight/prism-http/dist/utils/operations.js';
import { parse } from 'yaml';

const specs = new URL('../dist/spec/', import.meta.url);
for (const name of readdirSync(specs).filter((file) => file.endsWith('.yaml'))) {
  const beside = (/** @type {string} */ suffix) => new URL(name.replace(/\.yaml$/, suffix), specs);
  const spec = new URL(name, specs);
  writeFileSync(beside('.json'), JSON.stringify(parse(readFileSync(spec, 'utf8'))));
  const operations = await prismOperations.getHttpOperationsFromSpec(spec.pathname);
  writeFileSync(beside('.operations.json'), JSON.stringify(operations));
}
