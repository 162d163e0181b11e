// Debian's chromium driven by playwright-core. A missing browser fails under CI (CI=true) and is
// one visible line elsewhere, so a developer without chromium can still run the other tests.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

// Debian's package; CHROMIUM_PATH only to try the missing-browser path without uninstalling it.
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The reason the browser cannot run here, or undefined. */
export const browserMissing = (): string | undefined =>
  existsSync(executablePath) ? undefined : `${executablePath} is missing (apt-get install -y chromium)`;

/** How long a page action or navigation may take before it fails. */
export const PAGE_TIMEOUT = 120_000;

/** A fresh profile (--user-data-dir) per run, removed by close(). */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'cloud-release-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args });
  // CI runs every package's tests at once on two cores: Redoc parsing a whole inline spec has
  // taken more than 30 s (Playwright's default) to reach "load" there. Slow is not wrong; a
  // hang still ends.
  context.setDefaultTimeout(PAGE_TIMEOUT);
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
