// The one test of the never-listening run; it can only run if the global setup handed over both mocks.
import { expect, inject, it } from 'vitest';

it('got both mock URLs from the global setup', () => {
  expect(inject('zenlayerUrl')).toMatch(/^http:/);
  expect(inject('neutronUrl')).toMatch(/^http:/);
});
