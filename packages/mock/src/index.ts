export type { Finding } from './answer.js';
export { BODY_LIMIT_BYTES } from './body.js';
export type { Fault } from './control/faults.js';
export type { JournalEntry } from './control/journal.js';
export type { JournalFilter } from './control/journal-filter.js';
export { type PreferOptions, preferHeader, preferringFetch } from './prefer.js';
export type { Api } from './providers/index.js';
export { MAX_CLOCK_SKEW_SECONDS } from './providers/zenlayer/auth.js';
export type { RunningMock } from './running-mock.js';
export { specPath } from './spec-path.js';
export { type ClockReport, MAX_ADVANCE_MS } from './state/clock.js';
export { DEFAULT_TRANSITION_MS, type StatefulOptions } from './state/options.js';
export type { Resource } from './state/resources.js';
export { SeedError } from './state/seed.js';
export type { StatefulMethods, StatefulMock } from './stateful-mock.js';
export {
  createMockFetch,
  DEFAULT_MOCK_BASE_URL,
  type MockFetch,
  type MockFetchOptions,
  type StatefulMockFetch,
} from './transports/fetch.js';
export { type StartMockOptions, startMock } from './transports/server.js';
