// The provider table: the only place that lists the providers the mock serves.
import { neutron } from './neutron/index.js';
import type { Provider } from './provider.js';
import { zenlayer } from './zenlayer/index.js';

export const providers = { zenlayer, neutron } satisfies Record<string, Provider>;

export type Api = keyof typeof providers;
