// Where the spec each mock serves lives: copied into dist/spec/ at build (scripts/copy-spec.mjs),
// beside this module, so an installed package needs nothing outside itself.
import { fileURLToPath } from 'node:url';
import type { Api } from './providers/index.js';

export const specPath = (api: Api) => fileURLToPath(new URL(`./spec/${api}.yaml`, import.meta.url));
