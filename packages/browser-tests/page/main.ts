// Runs in Chromium, bundled by esbuild: the published client, as a page would use it, calls the
// mocks cross-origin (so CORS is exercised) and writes each result into the page for the test.
import { createNeutronClient, createZenlayerClient } from '@cloud-release/client';

const params = new URLSearchParams(location.search);
const get = (name: string) => params.get(name) ?? '';

/** One line per call; the test reads them back from the DOM, as a user would see them. */
function show(name: string, outcome: 'ok' | 'error', value: unknown) {
  const item = document.createElement('li');
  item.dataset.call = name;
  item.dataset.outcome = outcome;
  item.textContent = `${name}: ${JSON.stringify(value)}`;
  document.querySelector('#results')!.append(item);
}

async function step(name: string, call: () => Promise<unknown>) {
  try {
    show(name, 'ok', await call());
  } catch (error) {
    const e = error as Error & { toJSON?: () => unknown };
    show(name, 'error', e.toJSON ? e.toJSON() : { name: e.name, message: e.message });
  }
}

// Made inside each step, so that a client that cannot be built shows as that step's error.
const zenlayer = (accessKeyPassword = get('keyPassword')) =>
  createZenlayerClient({ baseUrl: get('zenlayer'), accessKeyId: get('keyId'), accessKeyPassword });
const neutron = () => createNeutronClient({ baseUrl: get('neutron'), token: get('token') });
const instanceIds = Array.from({ length: 250 }, (_, i) => `browser-instance-${i + 1}`);

await step('releaseDisk', () => zenlayer().releaseDisk('browser-disk-1'));
await step('releaseInstances', async () => {
  const { ids, batches } = await zenlayer().releaseInstances(instanceIds);
  return { released: ids.length, batches: batches.map((b) => b.ids.length) };
});
await step('deletePort', () => neutron().deletePort(get('portId')));
// The same call signed with a wrong password must be refused: the mock really verifies.
await step('releaseDisk with a wrong password', () => zenlayer('wrong').releaseDisk('browser-disk-2'));
document.body.dataset.done = 'true';
