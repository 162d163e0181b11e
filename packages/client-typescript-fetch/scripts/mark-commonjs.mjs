// dist/ holds CommonJS (see tsconfig.build.json); mark it so, inside an ESM package.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/package.json', import.meta.url), '{ "type": "commonjs" }\n');
