export { BODY_LIMIT_BYTES } from './body.js';
export type { Fault } from './control/faults.js';
export type { JournalEntry } from './control/journal.js';
export { type PreferOptions, preferHeader, preferringFetch } from './prefer.js';
export { MAX_CLOCK_SKEW_SECONDS } from './providers/zenlayer/auth.js';
export { type Api, type RunningMock, type StartMockOptions, specPath, startMock } from './server.js';
export { DEFAULT_TRANSITION_MS, SeedError, type StatefulOptions } from './state/mode.js';
export type { Resource } from './state/resources.js';
export type { StatefulMock } from './stateful-mock.js';
