// The reads and moves around a release (Terminate*, Describe*), through @cloud-release/client's
// typed methods: signed, retried and classified like the releases themselves.
import { createZenlayerClient, type ZenlayerClient, type ZenlayerCredentials } from '@cloud-release/client';
import { check, say } from './narration.js';

export function companionClient(baseUrl: string, credentials: ZenlayerCredentials, fetch: typeof globalThis.fetch) {
  return createZenlayerClient({ ...credentials, baseUrl, fetch });
}
export type CompanionClient = ZenlayerClient;

/** Reads until `read` reports `want` for every id (the providers' asynchronous transitions). */
export async function pollUntil(
  what: string,
  want: string,
  read: () => Promise<(string | undefined)[]>,
  { intervalMs = 150, attempts = 20 } = {},
): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    const statuses = await read();
    if (statuses.length && statuses.every((s) => s === want)) return say(`  ✓ ${what}: ${want}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  check(false, `${what} never reached ${want}`);
}

export const describeInstances = async (c: CompanionClient, instanceIds: string[]) =>
  (await c.describeInstances(instanceIds)).dataSet.map((i) => i.instanceStatus);

export const describeDisks = async (c: CompanionClient, diskIds: string[]) =>
  (await c.describeDisks(diskIds)).dataSet.map((d) => d.diskStatus);

export const describePorts = async (c: CompanionClient, portIds: string[]) =>
  (await c.describePorts(portIds)).dataSet.map((p) => p.portStatus);
