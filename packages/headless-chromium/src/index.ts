// Debian's Chromium headless shell driven by playwright-core. A missing browser fails under CI
// (CI=true) and is one visible line elsewhere, so a developer without it can still run the other
// tests.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Debian's chromium-headless-shell: Chromium's own headless build (the same Blink and V8, service
// workers included), which Playwright also prefers for headless runs. The full browser
// (`chromium --headless`) starts the pieces of a desktop browser as well: the browser suite used
// 17.5–17.9 s of CPU with it and 9.7 s with the shell, the API reference's 21.9–23.5 s and
// 16.7–18.1 s (two interleaved pairs each, Chromium included). CHROMIUM_PATH runs the suites in
// another build (/usr/bin/chromium) or tries the missing-browser path without uninstalling it.
const PACKAGE = 'chromium-headless-shell';
export const executablePath = process.env.CHROMIUM_PATH ?? `/usr/bin/${PACKAGE}`;
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // A page under test lives seconds and runs most of its code once: V8's optimizing tiers cost
  // more CPU than they save there (each browser suite used 2–3 s less of about 27, Chromium
  // included, two interleaved pairs each). Its baseline code runs the same JavaScript.
  '--js-flags=--max-opt=1',
];

/** The reason the browser cannot run here, or undefined. */
export const browserMissing = (): string | undefined =>
  existsSync(executablePath) ? undefined : `${executablePath} is missing (apt-get install -y ${PACKAGE})`;

/** How long a page action or navigation may take before it fails. */
export const PAGE_TIMEOUT = 120_000;

export interface LaunchedBrowser {
  context: BrowserContext;
  close: () => Promise<void>;
}

// CI runs every package's tests at once on two cores: Redoc parsing a whole inline spec has
// taken more than 30 s (Playwright's default) to reach "load" there. Slow is not wrong; a hang
// still ends.
const bounded = (context: BrowserContext) => {
  context.setDefaultTimeout(PAGE_TIMEOUT);
  return context;
};

/**
 * A browser of its own with a fresh profile (--user-data-dir), removed by close(); or, given a
 * shared browser's endpoint (startSharedBrowser), a fresh context in that browser, which
 * close() closes, leaving the browser to whoever started it.
 */
export async function launchBrowser(sharedEndpoint?: string): Promise<LaunchedBrowser> {
  if (sharedEndpoint) {
    const browser = await chromium.connect(sharedEndpoint);
    let context: BrowserContext;
    try {
      context = bounded(await browser.newContext());
    } catch (error) {
      // A context that cannot be made must not leave the connection open.
      await browser.close().catch(() => {});
      throw error;
    }
    return {
      context,
      close: async () => {
        await context.close();
        await browser.close();
      },
    };
  }
  const profile = await mkdtemp(join(tmpdir(), 'cloud-release-chromium-'));
  const context = bounded(await chromium.launchPersistentContext(profile, { executablePath, headless: true, args }));
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * One Chromium for every test file of a run (a vitest globalSetup starts it): starting one
 * costs about 4 s of CPU on this machine's cores, more than most of the tests run in it. Each
 * file takes a fresh context of its own (launchBrowser with the endpoint); close() stops it.
 */
export async function startSharedBrowser(): Promise<{ wsEndpoint: string; close: () => Promise<void> }> {
  const server = await chromium.launchServer({ executablePath, headless: true, args });
  return { wsEndpoint: server.wsEndpoint(), close: () => server.close() };
}
