// What the browser test needs around Chromium: the page bundled with the client, a static server
// for it (a different origin from the mocks, so every call is a CORS call). Chromium itself is
// @cloud-release/headless-chromium's.
import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';

const page = (file: string) => fileURLToPath(new URL(`../page/${file}`, import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/**
 * Bundles page/<entry> for browsers as main.js and serves it with index.html, and each of
 * `files` (served name → path) as it is; close() removes the bundle. `alias` maps a package
 * name to another installed one for the whole bundle (esbuild's alias).
 */
export async function servePage(
  entry = 'main.ts',
  files: Record<string, string> = {},
  alias: Record<string, string> = {},
) {
  const dir = await mkdtemp(join(tmpdir(), 'cloud-release-page-'));
  await build({
    entryPoints: [page(entry)],
    alias,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(dir, 'main.js'),
    logLevel: 'error',
  });
  await copyFile(page('index.html'), join(dir, 'index.html'));
  const server = createServer(async (req, res) => {
    const name = new URL(req.url ?? '/', 'http://page').pathname.slice(1) || 'index.html';
    const path = Object.hasOwn(files, name)
      ? files[name]!
      : name in { 'index.html': 1, 'main.js': 1 } && join(dir, name);
    if (!path) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(name)]! }).end(await readFile(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The page's result lines: `name: JSON`, with the outcome the page saw. */
async function shownResults(page: Page) {
  const items = await page.locator('#results li').evaluateAll((lis) =>
    lis.map((li) => ({
      call: (li as HTMLElement).dataset.call!,
      outcome: (li as HTMLElement).dataset.outcome!,
      text: li.textContent!,
    })),
  );
  return Object.fromEntries(
    items.map((i) => [i.call, { outcome: i.outcome, value: JSON.parse(i.text.slice(i.call.length + 2)) }]),
  );
}

const ARTIFACTS = new URL('../artifacts/', import.meta.url);

/**
 * Opens `url` in a new page of `context` and waits until the page marks itself done (30 s at
 * most); the screenshot `artifacts/<screenshot>` is kept whatever happened, as it is what a person
 * would have seen. `errors` are the page's own: Chromium logs every 4xx as "Failed to load
 * resource", and the refusals the pages ask for are wanted.
 */
async function runPage(context: BrowserContext, url: string, screenshot: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    const text = message.text();
    // msw says what is wrong as a warning (a worker script of another msw version, …): an error here.
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) errors.push(text);
    if (message.type() === 'warning' && text.startsWith('[MSW]')) errors.push(text);
  });
  await page.goto(url);
  const done = await page
    .waitForSelector('body[data-done="true"]', { state: 'attached', timeout: 30_000 })
    .then(() => true)
    .catch(() => false);
  await mkdir(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: new URL(screenshot, ARTIFACTS).pathname, fullPage: true });
  expect(done, `the page did not finish; its errors: ${errors.join(' | ')}`).toBe(true);
  return { page, errors };
}

/** Runs the page at `url` (see runPage) and gives its result lines, once it logged no error of its own. */
export async function pageResults(context: BrowserContext, url: string, screenshot: string) {
  const { page, errors } = await runPage(context, url, screenshot);
  const shown = await shownResults(page);
  expect(errors).toEqual([]);
  return shown;
}

/** The result line of a call the page signed with a wrong password: refused for its signature. */
export const refusedSignature = {
  outcome: 'error',
  value: expect.objectContaining({ name: 'ZenlayerApiError', status: 401, code: 'AUTHFAILURE_SIGNATURE_FAILURE' }),
};
