// packages/mock/README.md's "Rehearse a teardown" example, verbatim but for this header: if it stops
// working, this file fails.
import { createZenlayerClient } from '@cloud-release/client';
import { type StatefulMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';

// The code under test: your teardown script, pointed at the mock instead of the cloud.
async function teardown(baseUrl: string) {
  const zc = createZenlayerClient({ baseUrl, bearerToken: 'rehearsal-token' });
  await zc.releaseInstances(['i-web-1', 'i-web-2'], { ignoreMissing: true });
  await zc.releaseDisk('d-data-1'); // the first release moves it to the recycle bin…
  await zc.releaseDisk('d-data-1'); // …the second destroys it
}

let mock: StatefulMock;
beforeAll(async () => {
  mock = await startMock({
    api: 'zenlayer',
    mode: 'stateful',
    strict: true, // ids not seeded here do not exist
    transitionMs: 0, // RECYCLING → RECYCLED at once
    seed: {
      resources: [
        { type: 'instance', id: 'i-web-1', status: 'RECYCLE' },
        { type: 'instance', id: 'i-web-2', status: 'RECYCLE' },
        { type: 'instance', id: 'i-db', status: 'RUNNING' },
        { type: 'disk', id: 'd-data-1', status: 'AVAILABLE', diskType: 'DATA' },
      ],
    },
  });
});
afterAll(() => mock.close());
beforeEach(() => mock.reset()); // back to the seed, journal and faults cleared

it('releases exactly what it should, once each, and keeps the database', async () => {
  await teardown(mock.url);
  expect(mock.requests().map((r) => [r.operation, r.ids, r.status])).toEqual([
    ['ReleaseInstances', ['i-web-1', 'i-web-2'], 200],
    ['ReleaseDisk', ['d-data-1'], 200],
    ['ReleaseDisk', ['d-data-1'], 200],
  ]);
  expect(mock.resources()).toEqual([{ type: 'instance', id: 'i-db', status: 'RUNNING' }]);
});

it('survives a rate limit on the way', async () => {
  mock.fault({ operation: 'ReleaseDisk', status: 429, code: 'REQUEST_LIMIT_EXCEEDED', times: 1, retryAfter: 1 });
  await teardown(mock.url);
  expect(mock.requests().map((r) => r.status)).toEqual([200, 429, 200, 200]);
  expect(mock.resources()).toHaveLength(1);
});
