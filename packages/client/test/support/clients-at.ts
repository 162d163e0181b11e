// Each provider's client at its plainest, of a given base URL: Zenlayer with a bearer token and
// no retries (one request a call), Neutron with a token; `extra` options win.
import { createNeutronClient, createZenlayerClient } from '../../src/index.js';

export const zenlayerAt = (baseUrl: string, extra: object = {}) =>
  createZenlayerClient({ bearerToken: 't', baseUrl, retry: false, ...extra });

export const neutronAt = (baseUrl: string, extra: object = {}) =>
  createNeutronClient({ baseUrl, token: 'tok', ...extra });
