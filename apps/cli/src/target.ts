// Where a command sends its requests, and with which credentials: an explicit --endpoint
// with credentials from the environment (never flags, which end up in shell history and
// process lists), or by default the embedded mock with throwaway demo credentials.
import type { Api } from '@cloud-release/mock';
import { UsageError } from './usage.js';

export const DEMO_CREDENTIALS = {
  accessKeyId: 'DEMO-ACCESS-KEY',
  accessKeyPassword: 'demo-password-not-a-secret',
} as const;
export const DEMO_TOKEN = 'demo-keystone-token';

export interface Target {
  baseUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

export async function resolveTarget(api: Api, endpoint: string | undefined): Promise<Target> {
  if (endpoint !== undefined) {
    if (!/^https?:\/\/[^/]+/.test(endpoint))
      throw new UsageError(`--endpoint must be an http(s) URL (got "${endpoint}")`);
    return { baseUrl: endpoint.replace(/\/+$/, ''), embedded: false, close: async () => {} };
  }
  // Loaded only when needed: Prism is most of the CLI's start-up time.
  const { startMock } = await import('@cloud-release/mock');
  const mock = await startMock({
    api,
    ...(api === 'zenlayer' && { credentials: { [DEMO_CREDENTIALS.accessKeyId]: DEMO_CREDENTIALS.accessKeyPassword } }),
  });
  return { baseUrl: mock.url, embedded: true, close: () => mock.close() };
}

export function zenlayerCredentials(env: NodeJS.ProcessEnv, target: Target) {
  const id = env.ZENLAYER_ACCESS_KEY_ID;
  const password = env.ZENLAYER_ACCESS_KEY_PASSWORD;
  if (id && password) return { accessKeyId: id, accessKeyPassword: password };
  if (id || password)
    throw new UsageError('set both ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_PASSWORD, or neither');
  if (target.embedded) return DEMO_CREDENTIALS;
  throw new UsageError('--endpoint needs credentials: set ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_PASSWORD');
}

export function neutronToken(env: NodeJS.ProcessEnv, target: Target): string {
  if (env.OS_TOKEN) return env.OS_TOKEN;
  if (target.embedded) return DEMO_TOKEN;
  throw new UsageError('--endpoint needs a Keystone token: set OS_TOKEN');
}
