// The built reference, loaded in headless Chromium from a local server: every operation, every
// documented status and error code is on the rendered page, and the page logs no console error
// and asks for nothing beyond its own origin. Screenshots go to test-artifacts/ (git-ignored).
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalog, errorCodes } from '../src/catalog.mjs';
import { browserMissing, launchBrowser } from './browser.js';
import { serveDirectory } from './static-server.js';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const artifacts = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const specFile = (name: string) => fileURLToPath(new URL(`../../../spec/${name}.yaml`, import.meta.url));
const missing = browserMissing();

let server: Awaited<ReturnType<typeof serveDirectory>> | undefined;
let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
beforeAll(async () => {
  if (missing && process.env.CI === 'true') throw new Error(`the browser test must run under CI: ${missing}`);
  if (missing) return console.log(`api-reference: browser tests did not run: ${missing}`);
  await mkdir(artifacts, { recursive: true });
  server = await serveDirectory(dist);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Outside CI a missing browser ends each test early; beforeAll printed the one line saying so.
const skipped = (): boolean => missing !== undefined;

/** Opens a page, recording console errors, page errors and every request that leaves the origin. */
async function open(path: string) {
  const page = await browser!.context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on(
    'response',
    (response) => response.status() >= 400 && problems.push(`HTTP ${response.status()} ${response.url()}`),
  );
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(server!.url) && !url.startsWith('data:') && !url.startsWith('blob:'))
      problems.push(`request off the page: ${url}`);
  });
  await page.goto(`${server!.url}/${path}`, { waitUntil: 'load' });
  return { page, problems };
}

// What a reader sees. textContent would also read the inline <script> holding the whole spec,
// so every code would "appear" even if Redoc rendered none of them.
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
const renderedText = (page: Page): Promise<string> => page.locator('body').innerText();

/** The rendered text of an operation's page with each response tab opened in turn. */
async function operationText(page: Page, route: string): Promise<string> {
  await page.evaluate((hash) => {
    window.location.hash = hash;
  }, route);
  await page.getByRole('tab').first().waitFor();
  let text = await renderedText(page);
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click();
    text += `\n${await renderedText(page)}`;
  }
  return text;
}

describe.each(['zenlayer', 'neutron'])('%s.html in Chromium', (name) => {
  it('renders every operation, each documented status and every error code, with no console error', async () => {
    if (skipped()) return;
    const operations = catalog(parse(await readFile(specFile(name), 'utf8')));
    const { page, problems } = await open(`${name}.html`);
    await page.locator('a[href^="#/"]').first().waitFor();
    const routes = await page.$$eval('a[href^="#/"]', (links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const operation of operations) {
      // Redoc names each operation's page after its id: #/<tag>/<operationid>.
      const route = routes.find((href) => href.split('#')[1]?.split('/').pop() === operation.operationId.toLowerCase());
      expect(route, `no page for ${operation.operationId} in the rendered navigation`).toBeDefined();
      const text = await operationText(page, route!.slice(1));
      expect(text).toContain(operation.summary);
      expect(text).toContain(operation.path);
      for (const response of operation.responses) {
        expect(text, `${operation.operationId} ${response.status}`).toContain(response.status);
        for (const code of response.codes) expect(text, `${operation.operationId} ${response.status}`).toContain(code);
      }
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${artifacts}${name}.png` });
    expect(problems).toEqual([]);
    await page.close();
  }, 120_000);
});

describe('index.html in Chromium', () => {
  it('lists every operation id and error code and explains signing, the recycle bin and the decisions', async () => {
    if (skipped()) return;
    const { page, problems } = await open('index.html');
    const text = await renderedText(page);
    for (const name of ['zenlayer', 'neutron']) {
      const operations = catalog(parse(await readFile(specFile(name), 'utf8')));
      for (const operation of operations) expect(text).toContain(operation.operationId);
      for (const code of errorCodes(operations)) expect(text).toContain(code);
    }
    expect(text).toContain('Signing (Zenlayer ZC2-HMAC-SHA256)');
    expect(text).toContain('The recycle-bin lifecycle');
    expect(text).toMatch(/DestroyPort's "HTTP status 7105"/);
    expect(text).toContain('Errors are typed per status.');
    await page
      .getByRole('link', { name: /Neutron/ })
      .first()
      .click();
    await page.waitForURL(/neutron\.html$/);
    await page.screenshot({ path: `${artifacts}index-then-neutron.png` });
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
