// Debian's chromium driven by playwright-core. A missing browser fails under CI (CI=true) and is
// one visible line elsewhere, so a developer without chromium can still run the other tests.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const executablePath = '/usr/bin/chromium';
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

/** The reason the browser cannot run here, or undefined. Throws under CI, where it must run. */
export function browserMissing(): string | undefined {
  if (existsSync(executablePath)) return undefined;
  const reason = `${executablePath} is missing (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`browser test cannot run under CI: ${reason}`);
  return reason;
}

/** A fresh profile (--user-data-dir) per run, removed by close(). */
export async function launchBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'api-reference-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
