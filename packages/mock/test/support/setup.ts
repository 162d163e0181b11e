// Runs before each test file (vitest setupFiles), also when files share a worker.
import { createMockFetch } from '@cloud-release/mock';
import { afterEach, beforeAll } from 'vitest';
import { closeOpened } from './after-test.js';

// Prism loads, and each spec is read, when the first mock of an API starts: here, within the
// hook's time limit and once per worker (the engine keeps them), rather than inside whichever
// test happens to start the worker's first mock on a busy machine.
beforeAll(async () => {
  for (const api of ['zenlayer', 'neutron'] as const) await (await createMockFetch({ api })).close();
});

afterEach(closeOpened);
