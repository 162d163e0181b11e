export { startMock, specPath, type Api, type RunningMock, type StartMockOptions } from './server.js';
export { preferHeader, preferringFetch, type PreferOptions } from './prefer.js';
export { BODY_LIMIT_BYTES } from './body.js';
export { MAX_CLOCK_SKEW_SECONDS } from './zenlayer-auth.js';
