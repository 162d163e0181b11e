// Where the spec each mock serves lives: beside this module, in spec/ (scripts/copy-spec.mjs
// copies it into dist/ at build and into src/ at generate), so an installed package needs
// nothing outside itself and the sources run as they are.
import { fileURLToPath } from 'node:url';
import type { Api } from './providers/index.js';

export const specPath = (api: Api) => fileURLToPath(new URL(`./spec/${api}.yaml`, import.meta.url));
