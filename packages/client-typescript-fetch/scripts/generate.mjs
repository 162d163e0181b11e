// Runs openapi-generator through its official npm wrapper, quietly. Java is checked once, up
// front, so a machine without it gets one line instead of the wrapper's minified stack; the
// generator's INFO logging (about 60 lines) is turned off with its log.level property (JVM_OPTIONS).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
if (java.error || java.status !== 0) {
  console.error(
    'client-typescript-fetch: generating the typescript-fetch clients needs Java 11 or newer (`java` on PATH), which was not found; install a JRE, e.g. `apt-get install openjdk-17-jre-headless`.',
  );
  process.exit(1);
}

// The wrapper starts four short JVMs (`help` and `completion` to list commands, then one per
// generator). Each is over in seconds, so the JIT's optimising tier and the parallel collector's
// threads cost more CPU than they save: C1 only and the serial collector took a third off the
// task's CPU time on this 2-core machine, with the same output.
const JVM_OPTIONS = ['-Dlog.level=warn', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

const packageDir = fileURLToPath(new URL('..', import.meta.url));
// The generator warns about every output folder that does not exist yet (a fresh clone's case).
for (const api of ['zenlayer', 'neutron'])
  mkdirSync(new URL(`../src/generated/${api}/`, import.meta.url), { recursive: true });
const wrapper = fileURLToPath(new URL('../node_modules/@openapitools/openapi-generator-cli/main.js', import.meta.url));
const result = spawnSync(
  process.execPath,
  [wrapper, 'generate', '--custom-generator=node_modules/openapi-generator-jar/bin/openapi-generator.jar'],
  {
    cwd: packageDir,
    stdio: 'inherit',
    env: { ...process.env, JAVA_OPTS: [process.env.JAVA_OPTS, ...JVM_OPTIONS].filter(Boolean).join(' ') },
  },
);
process.exit(result.status ?? 1);
