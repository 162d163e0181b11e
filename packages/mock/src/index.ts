export { BODY_LIMIT_BYTES } from './body.js';
export { type PreferOptions, preferHeader, preferringFetch } from './prefer.js';
export { MAX_CLOCK_SKEW_SECONDS } from './providers/zenlayer/auth.js';
export { type Api, type RunningMock, type StartMockOptions, specPath, startMock } from './server.js';
