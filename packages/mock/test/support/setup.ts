// Runs before each test file (vitest setupFiles), also when files share a worker.
import { afterEach } from 'vitest';
import { closeOpened } from './after-test.js';

afterEach(closeOpened);
