// The built reference, loaded in headless Chromium from a local server: every operation, every
// documented status and error code is on the rendered page, and the page logs no console error
// and asks for nothing beyond its own origin. Screenshots go to test-artifacts/ (git-ignored).
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { browserMissing, launchBrowser } from '@cloud-release/headless-chromium';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalog, errorCodes } from '../src/catalog.mjs';
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

/**
 * The file's one page, and what it saw go wrong since the last open(): console errors, page
 * errors and every request that leaves the origin. One page navigated per test, not a page per
 * test: a new page costs Chromium and Playwright about 0.4 s of CPU before it loads anything.
 */
let shared: { page: Page; problems: string[] } | undefined;
async function sharedPage() {
  if (shared) return shared;
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
  shared = { page, problems };
  return shared;
}

/**
 * Opens `path` in the file's page and runs `check` on it, then holds the page to no problem (see
 * sharedPage); the page is left on about:blank also when a check fails, so that nothing a test
 * started (a link followed) loads into the next. Without a browser outside CI, nothing runs.
 */
async function onPage(path: string, check: (page: Page) => Promise<void>): Promise<void> {
  if (skipped()) return;
  const { page, problems } = await sharedPage();
  problems.length = 0;
  try {
    await page.goto(`${server!.url}/${path}`, { waitUntil: 'load' });
    await check(page);
    expect(problems).toEqual([]);
  } finally {
    await page.goto('about:blank');
  }
}

// What a reader sees. textContent would also read the inline <script> holding the whole spec,
// so every code would "appear" even if Redoc rendered none of them.
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
const renderedText = (where: Locator): Promise<string> => where.innerText();

const hrefs = (page: Page, selector: string): Promise<string[]> =>
  page.$$eval(selector, (links) => links.map((link) => link.getAttribute('href') ?? ''));

const go = (page: Page, route: string) =>
  page.evaluate((hash) => {
    window.location.hash = hash;
  }, route);

/** Every operation page Redoc renders (`/<tag>/<operationid>`), found through each tag's page. */
async function operationRoutes(page: Page): Promise<string[]> {
  await page.locator('a[href^="/"]').first().waitFor({ state: 'attached' });
  const tags = (await hrefs(page, 'a[href^="/"]')).filter((href) => /^\/[^/]+$/.test(href));
  const routes = new Set<string>();
  for (const tag of tags) {
    await go(page, tag);
    await page.locator(`a[href^="#${tag}/"]`).first().waitFor({ state: 'attached' });
    for (const href of await hrefs(page, `a[href^="#${tag}/"]`)) routes.add(href.split('#')[1] ?? '');
  }
  return [...routes];
}

/**
 * Opens the tab named `status` in an operation's section, in the page, and waits until the tab
 * says it is open (Redoc re-renders after the click's event); false if there is no such tab.
 * Playwright's click first scrolls the tab into view and waits for it to be stable across
 * animation frames and hit by the pointer: on the 2.6 MB page that doubled the cost of a tab.
 */
const openTab = (section: Locator, status: string): Promise<boolean> =>
  section.evaluate(async (element, name) => {
    const tab = [...element.querySelectorAll<HTMLElement>('[role="tab"]')].find(
      (candidate) => candidate.textContent?.trim() === name,
    );
    if (!tab) return false;
    tab.click();
    // Bounded in time, not in turns: a loaded CI machine may take seconds to render the tab.
    const deadline = performance.now() + 30_000;
    do {
      if (performance.now() > deadline) throw new Error(`the ${name} tab did not open within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 0));
    } while (tab.getAttribute('aria-selected') !== 'true');
    return true;
  }, status);

/**
 * The rendered text of an operation's section (a tag's page stacks its operations) with each
 * documented status's tab opened in turn.
 */
async function operationText(page: Page, route: string, statuses: string[]): Promise<string> {
  await go(page, route);
  const section = page.locator(`[data-section-id="${route}"]`);
  await section.locator('[role="tab"]').first().waitFor();
  let text = await renderedText(section);
  for (const status of statuses) {
    expect(await openTab(section, status), `${route}: no tab for the documented ${status}`).toBe(true);
    text += `\n${await renderedText(section)}`;
  }
  return text;
}

describe.each(['zenlayer', 'neutron'])('%s.html in Chromium', (name) => {
  it('renders every operation, each documented status and every error code, with no console error', async () => {
    await onPage(`${name}.html`, async (page) => {
      const operations = catalog(parse(await readFile(specFile(name), 'utf8')));
      const routes = await operationRoutes(page);
      for (const operation of operations) {
        // Redoc names each operation's page after its id: #/<tag>/<operationid>.
        const route = routes.find((href) => href.split('/').pop() === operation.operationId.toLowerCase());
        expect(route, `no page for ${operation.operationId} in the rendered navigation`).toBeDefined();
        const text = await operationText(
          page,
          route!,
          operation.responses.map((response) => response.status),
        );
        expect(text).toContain(operation.summary);
        expect(text).toContain(operation.path);
        for (const response of operation.responses) {
          for (const code of response.codes)
            expect(text, `${operation.operationId} ${response.status}`).toContain(code);
        }
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${artifacts}${name}.png` });
    });
  }, 120_000);
});

describe('index.html in Chromium', () => {
  it('lists every operation id and error code and explains signing, the recycle bin and the decisions', async () => {
    await onPage('index.html', async (page) => {
      const text = await renderedText(page.locator('body'));
      for (const name of ['zenlayer', 'neutron']) {
        const operations = catalog(parse(await readFile(specFile(name), 'utf8')));
        for (const operation of operations) expect(text).toContain(operation.operationId);
        for (const code of errorCodes(operations)) expect(text).toContain(code);
      }
      expect(text).toContain('Signing (Zenlayer ZC2-HMAC-SHA256)');
      expect(text).toContain('The recycle-bin lifecycle');
      expect(text).toMatch(/DestroyPort's "HTTP status 7105"/);
      expect(text).toContain('Errors are typed per status.');
      expect(await hrefs(page, 'a[href="workflows.html"]')).toHaveLength(1);
      await page.screenshot({ path: `${artifacts}index.png` });
      await page
        .getByRole('link', { name: /Neutron/ })
        .first()
        .click();
      // The link leads there; the Neutron page itself is rendered and checked above. A screenshot
      // here would wait for Redoc to render it again (this test: 8.4–9.2 s of CPU, 7.4–7.7 s without).
      await page.waitForURL(/neutron\.html$/, { waitUntil: 'commit' });
    });
  }, 60_000);
});

describe('workflows.html in Chromium', () => {
  it('shows every teardown workflow: its steps in order, each operation, success criteria and retries', async () => {
    await onPage('workflows.html', async (page) => {
      const doc = parse(await readFile(specFile('teardown.arazzo'), 'utf8'));
      for (const workflow of doc.workflows) {
        const section = page.locator(`section[id="${workflow.workflowId}"]`);
        const text = await renderedText(section);
        expect(text).toContain(workflow.summary);
        // The steps, in the workflow's order, each with its operation linked into its spec's page.
        const rows = section.locator('table.steps tbody tr');
        expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-step')))).toEqual(
          workflow.steps.map((step: { stepId: string }) => step.stepId),
        );
        for (const [index, step] of workflow.steps.entries()) {
          const [source, operationId] = step.operationId.replace('$sourceDescriptions.', '').split('.');
          const row = rows.nth(index);
          expect(await hrefs(page, `section[id="${workflow.workflowId}"] tr[data-step="${step.stepId}"] a`)).toEqual([
            `${source}.html#operation/${operationId}`,
          ]);
          const rowText = await renderedText(row);
          expect(rowText).toContain(operationId);
          for (const criterion of step.successCriteria) expect(rowText).toContain(criterion.condition);
          // Reusable actions (`reference: $components.failureActions.<name>`) are shown as what they do.
          const onFailure = (step.onFailure ?? []).map((a: { reference?: string }) =>
            a.reference ? doc.components.failureActions[a.reference.split('.').pop()!] : a,
          );
          for (const retry of onFailure.filter((a: { type: string }) => a.type === 'retry'))
            expect(rowText).toContain(`poll again every ${retry.retryAfter} s, at most ${retry.retryLimit} times`);
        }
      }
      await page.screenshot({ path: `${artifacts}workflows.png`, fullPage: true });
      // An operation's link opens that operation in its spec's Redoc page.
      await page.locator('section[id="neutron-port-teardown"] tr[data-step="delete"] a').click();
      await page.waitForURL(/neutron\.html#operation\/DeletePort$/, { waitUntil: 'commit' });
    });
  }, 60_000);
});
