// Runs in Chromium, bundled by esbuild: the published client, as a page would use it, calls the
// mocks cross-origin (so CORS is exercised) and writes each result into the page for the test.
import { createNeutronClient, createZenlayerClient } from '@cloud-release/client';
import { step } from './results.js';

const params = new URLSearchParams(location.search);
const get = (name: string) => params.get(name) ?? '';

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
