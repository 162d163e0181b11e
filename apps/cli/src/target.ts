// Where a command sends its requests, and with which credentials: an explicit --endpoint
// with credentials from the environment (never flags, which end up in shell history and
// process lists), or by default the embedded mock with throwaway demo credentials. The
// embedded mock ignores real credentials in the environment: a 401 from a mock that does not
// know them would read as if the real API had rejected the key.
import { redactUrl, type ZenlayerCredentials } from '@cloud-release/client';
import type { Api, StatefulMock } from '@cloud-release/mock';
import { seedFor } from './embedded-seed.js';
import { UsageError } from './usage.js';

export const DEMO_CREDENTIALS = {
  accessKeyId: 'DEMO-ACCESS-KEY',
  accessKeyPassword: 'demo-password-not-a-secret',
} as const;
export const DEMO_TOKEN = 'demo-keystone-token';
/** What --dry-run signs with when no credentials are set: the signature is masked anyway. */
const PLACEHOLDER = { accessKeyId: '$ZENLAYER_ACCESS_KEY_ID', accessKeyPassword: 'placeholder' } as const;
const PLACEHOLDER_TOKEN = 'placeholder';

type Env = Readonly<Record<string, string | undefined>>;
const CREDENTIAL_VARS = ['ZENLAYER_ACCESS_KEY_ID', 'ZENLAYER_ACCESS_KEY_PASSWORD', 'ZENLAYER_BEARER_TOKEN', 'OS_TOKEN'];

export interface Target {
  baseUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

/** Checks --endpoint before anything starts; never echoes a password it may contain. */
export function checkEndpoint(endpoint: string | undefined, flag = '--endpoint'): string | undefined {
  if (endpoint === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(endpoint);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol) || !url.host)
    throw new UsageError(`${flag} must be an http(s) URL (got "${redactUrl(endpoint)}")`);
  if (url.username || url.password)
    throw new UsageError(
      `${flag} must not contain credentials (got "${redactUrl(endpoint)}"); they come from the environment only`,
    );
  return endpoint.replace(/\/+$/, '');
}

/** The line that says the embedded mock is in use, and that real credentials were ignored. */
export function embeddedNotice(api: Api, baseUrl: string, env: Env): string {
  const ignored = CREDENTIAL_VARS.filter((name) => env[name]);
  return `Using the embedded ${api} mock at ${baseUrl}: nothing real is released${
    ignored.length ? `; ${ignored.join(', ')} from the environment ignored (pass --endpoint to use them)` : ''
  }.`;
}

/** A running embedded mock: what `resolveTarget` needs of it. */
export interface EmbeddedMock {
  url: string;
  close(): Promise<void>;
}

/**
 * The embedded mock: stateful (lifecycle rules, fresh request ids), seeded with the inventory
 * `--help` names, not strict (an unseeded id is accepted once), and checking signatures.
 */
export async function startEmbeddedMock(api: Api): Promise<StatefulMock> {
  // Loaded only when needed: Prism is most of the CLI's start-up time.
  const { startMock } = await import('@cloud-release/mock');
  return startMock({
    api,
    mode: 'stateful',
    seed: seedFor(api),
    ...(api === 'zenlayer' && { credentials: { [DEMO_CREDENTIALS.accessKeyId]: DEMO_CREDENTIALS.accessKeyPassword } }),
  });
}

export async function resolveTarget(
  api: Api,
  endpoint: string | undefined,
  start: (api: Api) => Promise<EmbeddedMock> = startEmbeddedMock,
): Promise<Target> {
  if (endpoint !== undefined) return { baseUrl: endpoint, embedded: false, close: async () => {} };
  const mock = await start(api);
  return { baseUrl: mock.url, embedded: true, close: () => mock.close() };
}

export interface CredentialContext {
  embedded: boolean;
  dryRun: boolean;
}

export function zenlayerCredentials(env: Env, ctx: CredentialContext): ZenlayerCredentials {
  if (ctx.embedded) return DEMO_CREDENTIALS;
  const id = env.ZENLAYER_ACCESS_KEY_ID;
  const password = env.ZENLAYER_ACCESS_KEY_PASSWORD;
  const bearer = env.ZENLAYER_BEARER_TOKEN;
  if ((id || password) && bearer)
    throw new UsageError('set either ZENLAYER_ACCESS_KEY_ID + ZENLAYER_ACCESS_KEY_PASSWORD or ZENLAYER_BEARER_TOKEN');
  if (bearer) return { bearerToken: bearer };
  if (id && password) return { accessKeyId: id, accessKeyPassword: password };
  if (id || password)
    throw new UsageError('set both ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_PASSWORD, or neither');
  if (ctx.dryRun) return PLACEHOLDER;
  throw new UsageError(
    '--endpoint needs credentials: set ZENLAYER_ACCESS_KEY_ID and ZENLAYER_ACCESS_KEY_PASSWORD, or ZENLAYER_BEARER_TOKEN',
  );
}

export function neutronToken(env: Env, ctx: CredentialContext): string {
  if (ctx.embedded) return DEMO_TOKEN;
  if (env.OS_TOKEN) return env.OS_TOKEN;
  if (ctx.dryRun) return PLACEHOLDER_TOKEN;
  throw new UsageError('--endpoint needs a Keystone token: set OS_TOKEN');
}
