// Runs before each test file (vitest setupFiles), also when files share a worker: what a test
// started is stopped after it, and once the file ends, its directories are removed and no
// output of its runs holds a secret.
import { afterAll, afterEach, expect } from 'vitest';
import { closeOpened, removeDirs } from './after-test.js';
import { outputs, SECRETS } from './harness.js';

afterEach(closeOpened);
afterAll(() => {
  removeDirs();
  for (const output of outputs.splice(0))
    for (const secret of [SECRETS.ZENLAYER_ACCESS_KEY_PASSWORD, SECRETS.OS_TOKEN]) expect(output).not.toContain(secret);
});
