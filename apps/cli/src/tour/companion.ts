// The reads and moves around a release (Terminate*, Describe*), through @cloud-release/client's
// typed methods: signed, retried and classified like the releases themselves.
import { createZenlayerClient, type ZenlayerClient, type ZenlayerCredentials } from '@cloud-release/client';

export function companionClient(baseUrl: string, credentials: ZenlayerCredentials, fetch: typeof globalThis.fetch) {
  return createZenlayerClient({ ...credentials, baseUrl, fetch });
}
export type CompanionClient = ZenlayerClient;
