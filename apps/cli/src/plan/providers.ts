// The two providers a plan or an apply talks to: each at its --zenlayer-endpoint /
// --neutron-endpoint (credentials from the environment), or on its embedded mock. Only the
// providers the resources need are started; credentials are checked before any of them is.

import { createHash } from 'node:crypto';
import {
  createNeutronClient,
  createZenlayerClient,
  type NeutronClient,
  type ZenlayerClient,
} from '@cloud-release/client';
import type { Api } from '@cloud-release/mock';
import type { CliIo, Out } from '../io.js';
import { accountOf } from '../journal/account.js';
import { EMBEDDED_ENDPOINT } from '../journal/lines.js';
import { embeddedNotice, neutronToken, resolveTarget, type Target, zenlayerCredentials } from '../target.js';

export interface Endpoints {
  zenlayer?: string;
  neutron?: string;
}

export interface Providers {
  zenlayer?: ZenlayerClient;
  neutron?: NeutronClient;
  /** What a plan or a journal records: the URL, or "embedded-mock". */
  endpoints: Endpoints;
  /** Who: the Zenlayer account and a digest of the Keystone token (never a secret). */
  account: string;
  close(): Promise<void>;
}

export async function openProviders(
  need: { zenlayer: boolean; neutron: boolean },
  given: Endpoints,
  io: CliIo,
  out: Out,
): Promise<Providers> {
  const embedded = (api: Api) => given[api] === undefined;
  // Checked before any mock starts: a usage error costs nothing.
  const credentials = need.zenlayer
    ? zenlayerCredentials(io.env, { embedded: embedded('zenlayer'), dryRun: false })
    : undefined;
  const token = need.neutron ? neutronToken(io.env, { embedded: embedded('neutron'), dryRun: false }) : undefined;
  const targets: Target[] = [];
  const providers: Providers = {
    endpoints: {},
    account: [
      credentials && `zenlayer ${accountOf(credentials)}`,
      token && `neutron token-sha256:${createHash('sha256').update(token).digest('hex').slice(0, 16)}`,
    ]
      .filter(Boolean)
      .join(', '),
    close: async () => {
      await Promise.all(targets.map((t) => t.close()));
    },
  };
  try {
    for (const api of ['zenlayer', 'neutron'] as const) {
      if (!need[api]) continue;
      const target = await resolveTarget(api, given[api], io.startEmbedded);
      targets.push(target);
      if (target.embedded) out.err(embeddedNotice(api, target.baseUrl, io.env));
      providers.endpoints[api] = target.embedded ? EMBEDDED_ENDPOINT : target.baseUrl;
      if (api === 'zenlayer') providers.zenlayer = createZenlayerClient({ ...credentials!, baseUrl: target.baseUrl });
      else providers.neutron = createNeutronClient({ baseUrl: target.baseUrl, token: token! });
    }
  } catch (error) {
    await providers.close();
    throw error;
  }
  return providers;
}
