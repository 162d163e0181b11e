// @cloud-release/client bundled into a page and run in Debian's Chromium against the
// stateful mocks, cross-origin, with Zenlayer signatures verified (WebCrypto in the page).
import { randomUUID } from 'node:crypto';
import { browserMissing, executablePath, launchBrowser } from '@cloud-release/headless-chromium';
import { type RunningMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pageResults, refusedSignature, servePage } from './support.js';

const KEY_ID = 'AK-BROWSER';
const KEY_PASSWORD = 'browser-test-password';
const TOKEN = 'browser-test-token';
// The Zenlayer mock checks signatures, so its control plane is locked: the test reads the journal with this.
const CONTROL_TOKEN = 'browser-test-control-token';
const run = browserMissing() === undefined || process.env.CI === 'true';

if (!run) console.warn(`browser test skipped: ${browserMissing()}`);

interface JournalEntry {
  method: string;
  path: string;
  operation?: string;
  status: number;
  code?: string;
}
const journal = async (mock: RunningMock) => {
  const response = await fetch(`${mock.url}/__mock/requests`, {
    headers: { authorization: `Bearer ${CONTROL_TOKEN}` },
  });
  return ((await response.json()) as { requests: JournalEntry[] }).requests;
};

describe.runIf(run)('the client in Chromium against the stateful mocks', () => {
  let zenlayer: RunningMock;
  let neutron: RunningMock;
  let pageServer: Awaited<ReturnType<typeof servePage>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    expect(browserMissing(), `${executablePath} is needed under CI`).toBeUndefined();
    [zenlayer, neutron, pageServer] = await Promise.all([
      startMock({
        api: 'zenlayer',
        mode: 'stateful',
        credentials: { [KEY_ID]: KEY_PASSWORD },
        controlToken: CONTROL_TOKEN,
      }),
      startMock({ api: 'neutron', mode: 'stateful' }),
      servePage(),
    ]);
    browser = await launchBrowser(inject('chromiumEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([zenlayer?.close(), neutron?.close(), pageServer?.close()]);
  });

  it('runs a signed ReleaseDisk, a ReleaseInstances of 250 ids and a Neutron delete, and shows each result', async () => {
    const portId = randomUUID();
    const query = new URLSearchParams({
      zenlayer: zenlayer.url,
      neutron: neutron.url,
      keyId: KEY_ID,
      keyPassword: KEY_PASSWORD,
      token: TOKEN,
      portId,
    });
    const shown = await pageResults(browser.context, `${pageServer.url}?${query}`, 'browser-test.png');
    // One comparison for the four lines, so that a failure shows all of them.
    expect(shown).toEqual({
      releaseDisk: {
        outcome: 'ok',
        value: { requestId: expect.stringMatching(/^T[0-9A-F-]{36}$/), alreadyGone: false },
      },
      releaseInstances: { outcome: 'ok', value: { released: 250, batches: [100, 100, 50] } },
      deletePort: { outcome: 'ok', value: { alreadyGone: false } },
      // Signatures are verified: the same call signed with a wrong password is refused.
      'releaseDisk with a wrong password': refusedSignature,
    });

    // What the mocks saw: every call arrived once, from the page.
    const zenlayerCalls = (await journal(zenlayer)).filter((e) => e.method === 'POST');
    expect(zenlayerCalls.map((e) => `${e.operation} ${e.status}`)).toEqual([
      'ReleaseDisk 200',
      'ReleaseInstances 200',
      'ReleaseInstances 200',
      'ReleaseInstances 200',
      'ReleaseDisk 401',
    ]);
    const neutronCalls = (await journal(neutron)).filter((e) => e.method === 'DELETE');
    expect(neutronCalls.map((e) => `${e.path} ${e.status}`)).toEqual([`/v2.0/ports/${portId} 204`]);
  });
});
