export * from './generated-clients.js';
export type * from './zenlayer/types.js';
export type * from './neutron/types.js';
