// `pnpm demo`: a narrated tour of whole teardown flows on stateful mocks that remember what
// was done (strict: only the seeded resources exist). No account, no setup; every line is
// real HTTP, shown as sent and as answered.
import { startMock } from '@cloud-release/mock';
import { DEMO_CREDENTIALS } from './target.js';
import { say } from './tour/narration.js';
import { NEUTRON_SEED, neutronFlows } from './tour/neutron-flows.js';
import { ZENLAYER_SEED, zenlayerFlows } from './tour/zenlayer-flows.js';

// Asynchronous transitions (RECYCLING → RECYCLE, …) take this long, so a poll or two shows them.
const TRANSITION_MS = 300;

const [zenlayerMock, neutronMock] = await Promise.all([
  startMock({
    api: 'zenlayer',
    mode: 'stateful',
    strict: true,
    seed: ZENLAYER_SEED,
    transitionMs: TRANSITION_MS,
    credentials: { [DEMO_CREDENTIALS.accessKeyId]: DEMO_CREDENTIALS.accessKeyPassword },
  }),
  startMock({ api: 'neutron', mode: 'stateful', strict: true, seed: NEUTRON_SEED }),
]);
try {
  say('cloud-release tour: real HTTP to stateful mocks that answer, and remember, like Zenlayer and Neutron.');
  say(`  Zenlayer mock ${zenlayerMock.url} (verifies ZC2-HMAC-SHA256 signatures)   Neutron mock ${neutronMock.url}`);
  say('  Release calls go through @cloud-release/client; the reads and moves around them (Terminate*,');
  say('  Describe*) through the typed openapi-fetch client, signed with the same signing helpers.');
  await zenlayerFlows(zenlayerMock);
  await neutronFlows(neutronMock);
  const left = [...zenlayerMock.resources(), ...neutronMock.resources()].map((r) => `${r.id} ${r.status}`);
  say(`\nWhat the mocks hold now: ${left.join(', ') || 'nothing'}.`);
  say(
    'Tour complete. Try the CLI: npx --yes pnpm@10.34.9 -s cloud-release --help (it runs on an embedded, seeded mock by default).',
  );
} catch (error) {
  console.error(`demo failed: ${(error as Error).stack ?? String(error)}`);
  process.exitCode = 1;
} finally {
  await Promise.all([zenlayerMock.close(), neutronMock.close()]);
}
