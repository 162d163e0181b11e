// The run's one Chromium (vitest globalSetup): each test file connects and takes a fresh context
// of its own. Without the browser nothing starts; each file says why it did not run.
import { browserMissing, startSharedBrowser } from '@cloud-release/headless-chromium';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shared Chromium's endpoint for launchBrowser(); undefined when the browser is missing. */
    chromiumEndpoint: string | undefined;
  }
}

export default async function setup(project: TestProject) {
  if (browserMissing()) {
    project.provide('chromiumEndpoint', undefined);
    return;
  }
  const browser = await startSharedBrowser();
  project.provide('chromiumEndpoint', browser.wsEndpoint);
  return () => browser.close();
}
