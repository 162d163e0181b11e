// The mock serves the specs it was built from, read beside its code (src/spec-path.ts): copied
// into dist/spec/ at build, so the package is self-contained when installed from a tarball with
// no dependency on any client; and into src/spec/ at generate (git-ignored, like src/generated/),
// so src/ runs as it is where a tool runs the sources (Stryker's sandbox).
import { copyFileSync, mkdirSync } from 'node:fs';

const into = process.argv[2];
if (into !== 'src' && into !== 'dist') throw new Error('copy-spec: say where, src or dist');
const from = new URL('../../../spec/', import.meta.url);
const to = new URL(`../${into}/spec/`, import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of ['zenlayer.yaml', 'neutron.yaml']) copyFileSync(new URL(name, from), new URL(name, to));
