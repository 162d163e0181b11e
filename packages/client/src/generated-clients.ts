// The typed openapi-fetch clients, straight from the generated types: they send what they are
// given. The ergonomic clients share the generated types, not openapi-fetch (see the README).
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { paths as NeutronPaths } from './generated/neutron.js';
import type { paths as ZenlayerPaths } from './generated/zenlayer.js';

export const ZENLAYER_DEFAULT_BASE_URL = 'https://console.zenlayer.com';

/** A typed openapi-fetch client for the Zenlayer spec; it sends what you give it, unsigned. */
export function createZenlayerFetchClient(options: ClientOptions = {}): Client<ZenlayerPaths> {
  return createClient<ZenlayerPaths>({ baseUrl: ZENLAYER_DEFAULT_BASE_URL, ...options });
}

/** A typed openapi-fetch client for the Neutron spec; `baseUrl` is your `network` endpoint. */
export function createNeutronFetchClient(options: ClientOptions & { baseUrl: string }): Client<NeutronPaths> {
  return createClient<NeutronPaths>(options);
}
