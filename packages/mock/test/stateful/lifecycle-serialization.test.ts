// With transitionMs 0 a transition is instant for a client that waits for each answer, yet two
// requests for one resource that overlap at the mock are still served one after the other: the
// second sees the first's transition under way, as on the real API (whose RECYCLING takes
// seconds), never the state the first left it in at the same instant. The serializing is the
// engine's: in-process (createMockFetch) but for the one case whose overlap is 400 connections.
import { describe, expect, it } from 'vitest';
import { stateful, statefulInProcess, zenlayer } from './support.js';

const PAIRS = 200;
// 200 pairs one after the other take seconds on a loaded machine.
const SLOW = 60_000;

describe('two ReleaseDisk of one disk sent together (transitionMs 0)', () => {
  it(
    `one recycles it, the other is refused as being recycled; ${PAIRS} pairs, never both accepted`,
    async () => {
      const disks = Array.from({ length: PAIRS }, (_, i) => ({ type: 'disk', id: `d-${i}`, status: 'AVAILABLE' }));
      const mock = await statefulInProcess({
        api: 'zenlayer',
        transitionMs: 0,
        strict: true,
        seed: { resources: disks },
      });
      const outcomes: string[] = [];
      for (const { id } of disks) {
        const pair = await Promise.all([
          zenlayer(mock, 'ReleaseDisk', { diskId: id }),
          zenlayer(mock, 'ReleaseDisk', { diskId: id }),
        ]);
        outcomes.push(
          pair
            .map((r) => `${r.status} ${r.body.code ?? ''}`.trim())
            .sort()
            .join(' + '),
        );
      }
      expect(new Set(outcomes)).toEqual(new Set(['200 + 400 UNSUPPORTED_OPERATION_DISK_BEING_RECYCLE']));
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
      const mock = await stateful({ api: 'zenlayer', transitionMs: 0, strict: true, seed: { resources: disks } });
      const pairs = await Promise.all(
        disks.map(({ id }) =>
          Promise.all([zenlayer(mock, 'ReleaseDisk', { diskId: id }), zenlayer(mock, 'ReleaseDisk', { diskId: id })]),
        ),
      );
      expect(
        new Set(
          pairs.map((pair) =>
            pair
              .map((r) => r.status)
              .sort()
              .join(' + '),
          ),
        ),
      ).toEqual(new Set(['200 + 400']));
    },
    SLOW,
  );

  it('one after the other: the first recycles it, the second destroys it, at once', async () => {
    const mock = await statefulInProcess({
      api: 'zenlayer',
      transitionMs: 0,
      strict: true,
      seed: { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] },
    });
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).status).toBe(200);
    expect((await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' })).status).toBe(200);
    expect(mock.resources()).toEqual([]);
  });
});

describe('two ReleaseInstances of one instance sent together (transitionMs 0)', () => {
  it('one releases it, the other is refused: it is no longer in the recycle bin', async () => {
    const mock = await statefulInProcess({
      api: 'zenlayer',
      transitionMs: 0,
      strict: true,
      seed: { resources: [{ type: 'instance', id: 'i-1', status: 'RECYCLE' }] },
    });
    const pair = await Promise.all([
      zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1'] }),
      zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1'] }),
    ]);
    expect(pair.map((r) => `${r.status} ${r.body.code ?? ''}`.trim()).sort()).toEqual([
      '200',
      '403 OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
    ]);
    expect(mock.resources()).toEqual([]);
  });
});
