// The reads and moves around a release (Terminate*, Describe*), called the way a user of the
// typed openapi-fetch client would: createZenlayerFetchClient, signed by a middleware built on
// the client's exported signing helpers. @cloud-release/client has no companion methods.
import {
  authorizationHeader,
  createZenlayerFetchClient,
  SIGNATURE_METHOD,
  type ZenlayerCredentials,
} from '@cloud-release/client';
import { check, say } from './narration.js';

type Keys = Extract<ZenlayerCredentials, { accessKeyId: string }>;

export function companionClient(baseUrl: string, keys: Keys, fetch: typeof globalThis.fetch) {
  const client = createZenlayerFetchClient({ baseUrl, fetch });
  client.use({
    async onRequest({ request }) {
      const timestamp = Math.floor(Date.now() / 1000);
      const input = {
        body: await request.clone().text(),
        contentType: request.headers.get('content-type') ?? 'application/json',
        host: new URL(request.url).host,
        timestamp,
      };
      request.headers.set('X-ZC-Timestamp', String(timestamp));
      request.headers.set('X-ZC-Signature-Method', SIGNATURE_METHOD);
      request.headers.set('Authorization', authorizationHeader(input, keys.accessKeyId, keys.accessKeyPassword));
      return request;
    },
  });
  return client;
}
export type CompanionClient = ReturnType<typeof companionClient>;

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

export const describeInstances = async (c: CompanionClient, instanceIds: string[]) => {
  const { data } = await c.POST('/api/v2/vm#DescribeInstances', {
    params: { header: { 'X-ZC-Action': 'DescribeInstances' } },
    body: { instanceIds },
  });
  return data?.response.dataSet.map((i) => i.instanceStatus) ?? [];
};

export const describeDisks = async (c: CompanionClient, diskIds: string[]) => {
  const { data } = await c.POST('/api/v2/zec#DescribeDisks', {
    params: { header: { 'X-ZC-Action': 'DescribeDisks' } },
    body: { diskIds },
  });
  return data?.response.dataSet.map((d) => d.diskStatus) ?? [];
};

export const describePorts = async (c: CompanionClient, portIds: string[]) => {
  const { data } = await c.POST('/api/v2/sdn#DescribePorts', {
    params: { header: { 'X-ZC-Action': 'DescribePorts' } },
    body: { portIds },
  });
  return data?.response.dataSet.map((p) => p.portStatus) ?? [];
};
