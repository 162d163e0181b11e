// How the contract suite starts its two mocks (its global setup).
import type { StartMockOptions } from '@cloud-release/mock';
import { SUITE_BEARER_TOKEN, SUITE_CREDENTIALS } from './clients.js';

export const SUITE_MOCKS = {
  zenlayer: {
    api: 'zenlayer',
    credentials: { [SUITE_CREDENTIALS.accessKeyId]: SUITE_CREDENTIALS.accessKeyPassword },
    // With credentials the mock accepts only listed bearer tokens.
    bearerTokens: [SUITE_BEARER_TOKEN],
  },
  neutron: { api: 'neutron' },
} as const satisfies Record<string, StartMockOptions>;
