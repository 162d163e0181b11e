// Runs in Chromium, bundled by esbuild for browsers (so `@cloud-release/mock/msw` is its browser
// build): the stateful mocks' MSW handlers started in msw's service worker, and the published
// client calling the providers' origins, which exist nowhere but in that worker. Each result is
// written into the page for the test, as on page/main.ts.
import { createNeutronClient, createZenlayerClient } from '@cloud-release/client';
import { createHandlers } from '@cloud-release/mock/msw';
import { setupWorker } from 'msw/browser';
import { step } from './results.js';

const params = new URLSearchParams(location.search);
const get = (name: string) => params.get(name) ?? '';
// Reserved names (RFC 2606): a request the worker did not answer fails, it reaches no one.
const ZENLAYER = 'https://console.zenlayer.invalid';
const NEUTRON = 'https://neutron.invalid:9696';

const zenlayerMock = await createHandlers({
  api: 'zenlayer',
  baseUrl: ZENLAYER,
  mode: 'stateful',
  credentials: { [get('keyId')]: get('keyPassword') },
  bearerTokens: [get('bearerToken')],
});
const neutronMock = await createHandlers({ api: 'neutron', baseUrl: NEUTRON, mode: 'stateful' });
const worker = setupWorker(...zenlayerMock.handlers, ...neutronMock.handlers);
await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, onUnhandledRequest: 'error', quiet: true });

const signed = (accessKeyPassword = get('keyPassword')) =>
  createZenlayerClient({ baseUrl: ZENLAYER, accessKeyId: get('keyId'), accessKeyPassword });

await step('service worker', async () => navigator.serviceWorker.controller?.scriptURL ?? null);
await step('releaseDisk signed', () => signed().releaseDisk('worker-disk-1'));
await step('releaseInstances with a bearer token', async () => {
  const client = createZenlayerClient({ baseUrl: ZENLAYER, bearerToken: get('bearerToken') });
  const { ids, batches } = await client.releaseInstances(['worker-instance-1', 'worker-instance-2']);
  return { released: ids, requestIds: batches.map((b) => b.requestId) };
});
await step('deletePort', () =>
  createNeutronClient({ baseUrl: NEUTRON, token: 'worker-token' }).deletePort(get('portId')),
);
// The signature is checked in the page as on Node: a wrong password is refused.
await step('releaseDisk with a wrong password', () => signed('wrong').releaseDisk('worker-disk-2'));
await step('zenlayer journal', async () =>
  zenlayerMock
    .requests()
    .map(({ operation, status, code, ids, requestId }) => ({ operation, status, code, ids, requestId })),
);
await step('neutron journal', async () =>
  neutronMock.requests().map((e) => ({ method: e.method, path: e.path, status: e.status })),
);
worker.stop();
document.body.dataset.done = 'true';
