// A page on another loopback origin, in Debian's Chromium, tries the stateful mock's control
// plane as a hostile site would: read the journal and the inventory, and send the calls a
// browser sends without asking first (text/plain POSTs, fire-and-forget in no-cors mode) to
// move `i-keep` to RECYCLE, queue five 500 faults and reset the mock. Against a locked mock
// (credentials, bearer tokens and projects configured) and an open one (none): every read
// fails in the page, every call is refused by the mock, and its state is unchanged.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { browserMissing, executablePath, launchBrowser } from '@cloud-release/headless-chromium';
import { type StatefulMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const run = browserMissing() === undefined || process.env.CI === 'true';
if (!run) console.warn(`control-plane browser test skipped: ${browserMissing()}`);

const KEEP = { type: 'instance', id: 'i-keep', status: 'RUNNING' } as const;
const EXTRA = { type: 'disk', id: 'd-extra', status: 'AVAILABLE' } as const;

/** An empty page on its own origin (127.0.0.1, another port than the mocks'). */
async function servePage() {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** What the page tries against one mock; each entry says what the page got: the body it read, `opaque`, or the error. */
function attack(base: string) {
  const attempt = async (name: string, init: RequestInit & { path: string }) => {
    try {
      const response = await fetch(`${base}/__mock/${init.path}`, init);
      return [name, response.type === 'opaque' ? 'opaque' : `read ${response.status}: ${await response.text()}`];
    } catch (error) {
      return [name, `error: ${(error as Error).name}`];
    }
  };
  const recycle = JSON.stringify({ resources: [{ type: 'instance', id: 'i-keep', status: 'RECYCLE' }] });
  const faults = JSON.stringify({ faults: [{ status: 500, code: 'INTERNAL_SERVER_ERROR', times: 5 }] });
  const plain = { 'content-type': 'text/plain' };
  return Promise.all([
    attempt('read requests', { path: 'requests' }),
    attempt('read resources', { path: 'resources' }),
    attempt('POST resources (cors)', { path: 'resources', method: 'POST', headers: plain, body: recycle }),
    attempt('POST resources (no-cors)', {
      path: 'resources',
      method: 'POST',
      mode: 'no-cors',
      headers: plain,
      body: recycle,
    }),
    attempt('POST faults (no-cors)', { path: 'faults', method: 'POST', mode: 'no-cors', headers: plain, body: faults }),
    attempt('POST reset (no-cors)', { path: 'reset', method: 'POST', mode: 'no-cors', headers: plain, body: '' }),
    attempt('POST reset, no body (no-cors)', { path: 'reset', method: 'POST', mode: 'no-cors' }),
    attempt('POST faults as JSON (preflight)', {
      path: 'faults',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: faults,
    }),
  ]).then(Object.fromEntries);
}

describe.runIf(run)('the control plane, from a page on another origin', () => {
  const lines: string[] = [];
  const mocks: Record<'locked' | 'open', StatefulMock> = {} as never;
  let page: Awaited<ReturnType<typeof servePage>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    expect(browserMissing(), `${executablePath} is needed under CI`).toBeUndefined();
    const options = { api: 'zenlayer', mode: 'stateful', seed: { resources: [KEEP] } } as const;
    [mocks.locked, mocks.open, page] = await Promise.all([
      startMock({
        ...options,
        credentials: { AK1: 'password' },
        bearerTokens: ['api-token'],
        projects: { 'keystone-token': 'p-1' },
        log: (line) => lines.push(`locked ${line}`),
      }),
      startMock({ ...options, log: (line) => lines.push(`open ${line}`) }),
      servePage(),
    ]);
    browser = await launchBrowser(inject('chromiumEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([mocks.locked?.close(), mocks.open?.close(), page?.close()]);
  });

  it.each(['locked', 'open'] as const)('%s mock: nothing read, nothing changed', async (which) => {
    const mock = mocks[which];
    // Something a reset would remove.
    mock.addResources([EXTRA]);
    const tab = await browser.context.newPage();
    await tab.goto(page.url);
    const seen = await tab.evaluate(attack, mock.url);
    await tab.close();

    // Every attempt fails in the page: no CORS header for a cors read, a preflight not granted,
    // and even an opaque no-cors answer is withheld (Cross-Origin-Resource-Policy: same-origin).
    expect(seen).toEqual({
      'read requests': 'error: TypeError',
      'read resources': 'error: TypeError',
      'POST resources (cors)': 'error: TypeError',
      'POST resources (no-cors)': 'error: TypeError',
      'POST faults (no-cors)': 'error: TypeError',
      'POST reset (no-cors)': 'error: TypeError',
      'POST reset, no body (no-cors)': 'error: TypeError',
      'POST faults as JSON (preflight)': 'error: TypeError',
    });
    expect(mock.resources()).toEqual([KEEP, EXTRA]);
    expect(mock.faults()).toEqual([]);
    // The calls a browser sends without asking did reach the mock, and were refused there.
    const refusal = which === 'locked' ? 401 : 415;
    const posts = lines.filter((l) => l.startsWith(`${which} zenlayer POST /__mock/`));
    expect(posts.map((l) => l.replace(/^\S+ zenlayer POST (\S+) - -> (\d+) .*$/, '$1 $2'))).toEqual(
      expect.arrayContaining([`/__mock/resources ${refusal}`, `/__mock/faults ${refusal}`, `/__mock/reset ${refusal}`]),
    );
    expect(posts.every((l) => / -> (401|415) /.test(l))).toBe(true);
  });
});
