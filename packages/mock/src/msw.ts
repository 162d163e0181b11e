// @cloud-release/mock/msw: the mock as MSW handlers. Apart from the main entry, so that msw (a
// peer dependency) is loaded only by those who import this, and node:http never by them.
export { BODY_LIMIT_BYTES } from './body.js';
export type { Api } from './providers/index.js';
export type { StatefulMethods } from './stateful-mock.js';
export {
  createHandlers,
  type MockHandlers,
  type MockHandlersOptions,
  type StatefulMockHandlers,
} from './transports/msw.js';
