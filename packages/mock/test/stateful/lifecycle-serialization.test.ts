// With transitionMs 0 a transition is instant for a client that waits for each answer, yet two
// requests for one resource that overlap at the mock are still served one after the other: the
// second sees the first's transition under way, as on the real API (whose RECYCLING takes
// seconds), never the state the first left it in at the same instant. The serializing is the
// engine's: in-process (createMockFetch) but for the one case whose overlap is 400 connections.
import { describe, expect, it } from 'vitest';
import { stateful, statefulInProcess, zenlayer } from './support.js';

/** A strict Zenlayer mock, in-process (or a server), whose transitions take no time, holding `resources`. */
const instant = (
  resources: Record<string, string>[],
  start: typeof stateful | typeof statefulInProcess = statefulInProcess,
) => start({ api: 'zenlayer', transitionMs: 0, strict: true, seed: { resources } });

/** Two copies of one action sent at once: each answer's status and code, in the order sent. */
async function together(mock: Parameters<typeof zenlayer>[0], action: string, body: unknown) {
  const pair = await Promise.all([zenlayer(mock, action, body), zenlayer(mock, action, body)]);
  return pair.map((r) => `${r.status} ${r.body.code ?? ''}`.trim());
}

const PAIRS = 200;
// 200 pairs one after the other take seconds on a loaded machine.
const SLOW = 60_000;

describe('two ReleaseDisk of one disk sent together (transitionMs 0)', () => {
  it(
    `in the order sent, the first recycles it and the second is refused as being recycled; ${PAIRS} pairs`,
    async () => {
      const disks = Array.from({ length: PAIRS }, (_, i) => ({ type: 'disk', id: `d-${i}`, status: 'AVAILABLE' }));
      const mock = await instant(disks);
      const outcomes = new Set<string>();
      for (const { id } of disks) outcomes.add((await together(mock, 'ReleaseDisk', { diskId: id })).join(' + '));
      expect(outcomes).toEqual(new Set(['200 + 400 UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE']));
      // Recycled once each, not destroyed.
      const described = await zenlayer(mock, 'DescribeDisks', {
        diskIds: disks.slice(0, 100).map((d) => d.id),
        pageSize: 100,
      });
      expect(described.body.response.dataSet.map((d: { diskStatus: string }) => d.diskStatus)).toEqual(
        Array(100).fill('RECYCLED'),
      );
    },
    SLOW,
  );

  it(
    `${PAIRS} pairs all sent at once (${PAIRS * 2} connections): each pair one 200 and one 400`,
    async () => {
      const disks = Array.from({ length: PAIRS }, (_, i) => ({ type: 'disk', id: `d-${i}`, status: 'AVAILABLE' }));
      const mock = await instant(disks, stateful);
      const pairs = await Promise.all(disks.map(({ id }) => together(mock, 'ReleaseDisk', { diskId: id })));
      // Which of two connections is served first is the network's choice: the statuses, in either order.
      const statuses = pairs.map((pair) =>
        pair
          .map((outcome) => outcome.slice(0, 3))
          .sort()
          .join(' + '),
      );
      expect(new Set(statuses)).toEqual(new Set(['200 + 400']));
    },
    SLOW,
  );

  it('one after the other: the first recycles it, the second destroys it, at once', async () => {
    const mock = await instant([{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }]);
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).status).toBe(200);
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).status).toBe(200);
    expect(mock.resources()).toEqual([]);
  });
});

describe('two ReleaseInstances of one instance sent together (transitionMs 0)', () => {
  it('one releases it, the other is refused: it is no longer in the recycle bin', async () => {
    const mock = await instant([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    expect(await together(mock, 'ReleaseInstances', { instanceIds: ['i-1'] })).toEqual([
      '200',
      '403 OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
    ]);
    expect(mock.resources()).toEqual([]);
  });
});
