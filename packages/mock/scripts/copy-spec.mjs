// The mock serves the specs it was built from: copy them into dist/ so the package is
// self-contained when installed from a tarball, with no dependency on any client.
import { copyFileSync, mkdirSync } from 'node:fs';

const from = new URL('../../../spec/', import.meta.url);
const to = new URL('../dist/spec/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of ['zenlayer.yaml', 'neutron.yaml']) copyFileSync(new URL(name, from), new URL(name, to));
