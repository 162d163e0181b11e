// The mock's MSW handlers in a real service worker: page/worker.ts bundles msw's setupWorker,
// `@cloud-release/mock/msw` (its browser build, by package.json's `browser` condition) and the
// client for Chromium; the page registers msw's own mockServiceWorker.js and calls providers'
// origins that exist only in it. The signatures are checked in the page, as on Node. Both msw
// majors the peer range admits run: msw 2, and msw 3 (installed here as `msw3`, bundled in place
// of `msw` for the whole page, the mock's handlers included, with its own worker script). msw 3
// needs Node ≥ 22.12 on Node only; in a page, it runs whatever Node bundled it.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { browserMissing, executablePath, launchBrowser } from '@cloud-release/headless-chromium';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pageResults, refusedSignature, servePage } from './support.js';

const run = browserMissing() === undefined || process.env.CI === 'true';
// The worker script of each msw, as a site serves it from its public folder.
const workerScript = (msw: string) => createRequire(import.meta.url).resolve(`${msw}/mockServiceWorker.js`);

if (!run) console.warn(`MSW service worker test skipped: ${browserMissing()}`);

describe.runIf(run).each([
  { major: 'msw 2', msw: 'msw' },
  { major: 'msw 3', msw: 'msw3' },
])("the mock's MSW handlers under $major's setupWorker in Chromium", ({ msw }) => {
  let pageServer: Awaited<ReturnType<typeof servePage>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    expect(browserMissing(), `${executablePath} is needed under CI`).toBeUndefined();
    pageServer = await servePage('worker.ts', { 'mockServiceWorker.js': workerScript(msw) }, { msw });
    browser = await launchBrowser(inject('chromiumEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
    await pageServer?.close();
  });

  it('answers the client from the service worker: signed, bearer and Neutron calls accepted, a wrong signature refused, all journaled', async () => {
    const portId = randomUUID();
    const query = new URLSearchParams({
      keyId: 'AK-WORKER',
      keyPassword: 'worker-test-password',
      bearerToken: 'worker-test-token',
      portId,
    });
    const shown = await pageResults(browser.context, `${pageServer.url}?${query}`, `msw-service-worker-${msw}.png`);
    const requestId = expect.stringMatching(/^T[0-9A-F-]{36}$/);
    expect(shown).toEqual({
      // The page is controlled by msw's worker script, served by the page's origin.
      'service worker': { outcome: 'ok', value: `${pageServer.url}mockServiceWorker.js` },
      'releaseDisk signed': { outcome: 'ok', value: { requestId, alreadyGone: false } },
      'releaseInstances with a bearer token': {
        outcome: 'ok',
        value: { released: ['worker-instance-1', 'worker-instance-2'], requestIds: [requestId] },
      },
      deletePort: { outcome: 'ok', value: { alreadyGone: false } },
      'releaseDisk with a wrong password': refusedSignature,
      'zenlayer journal': {
        outcome: 'ok',
        value: [
          { operation: 'ReleaseDisk', status: 200, code: null, ids: ['worker-disk-1'], requestId },
          {
            operation: 'ReleaseInstances',
            status: 200,
            code: null,
            ids: ['worker-instance-1', 'worker-instance-2'],
            requestId,
          },
          { operation: 'ReleaseDisk', status: 401, code: 'AUTHFAILURE_SIGNATURE_FAILURE', ids: [], requestId },
        ],
      },
      'neutron journal': {
        outcome: 'ok',
        value: [{ method: 'DELETE', path: `/v2.0/ports/${portId}`, status: 204 }],
      },
    });
    // The journal's request ids are the ones the client was given.
    const journal = shown['zenlayer journal']!.value as { requestId: string }[];
    expect(journal.slice(0, 2).map((e) => e.requestId)).toEqual([
      shown['releaseDisk signed']!.value.requestId,
      shown['releaseInstances with a bearer token']!.value.requestIds[0],
    ]);
  });
});
