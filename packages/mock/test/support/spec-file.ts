// The repository's spec through the workspace package @cloud-release/spec (a dev dependency):
// the path holds wherever this package's tests run from, a mutation tool's copy of it included.
import { createRequire } from 'node:module';
import type { Api } from '../../src/providers/index.js';

const require = createRequire(import.meta.url);

export const specFile = (api: Api) => require.resolve(`@cloud-release/spec/${api}.yaml`);
