// The lenient mode creates an unknown id on first use and remembers it (a second release is
// "not found"), but only the newest LENIENT_ID_LIMIT of them: older ones are forgotten, in
// chunks, said on the log and on GET /__mock/resources, so no stream of new ids grows the mock.
import { describe, expect, it } from 'vitest';
import { LENIENT_ID_LIMIT } from '../../src/state/inventory.js';
import { control, statefulInProcess, zenlayer } from './support.js';

const BATCH = 100;

describe('ids created on first use, past the limit', () => {
  it('the oldest are forgotten (and created anew on their next use), the newest still remembered; the log and /__mock/resources say which', async () => {
    const lines: string[] = [];
    const mock = await statefulInProcess({ api: 'zenlayer', transitionMs: 0, log: (line) => lines.push(line) });
    const total = LENIENT_ID_LIMIT + LENIENT_ID_LIMIT / 10 + BATCH;
    for (let from = 1; from <= total; from += BATCH) {
      const instanceIds = Array.from({ length: BATCH }, (_, i) => `i-${from + i}`);
      expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds })).status).toBe(200);
    }
    // Past limit + a tenth, the oldest 1,001 go at once (back to the limit), then 99 more come.
    const forgotten = LENIENT_ID_LIMIT / 10 + 1;
    const { lenient } = (await control(mock, 'GET', 'resources')).body;
    expect(lenient).toMatchObject({ limit: LENIENT_ID_LIMIT, remembered: total - forgotten, forgotten });
    expect(lenient.recentlyForgotten).toHaveLength(LENIENT_ID_LIMIT / 10);
    expect(lenient.recentlyForgotten.at(-1)).toEqual({ type: 'instance', id: `i-${forgotten}` });
    const said = lines.filter((line) => line.includes('lenient mode'));
    expect(said).toEqual([
      `zenlayer lenient mode: forgot ${forgotten} ids created on first use (over ${LENIENT_ID_LIMIT}), oldest first: instance "i-1" … instance "i-${forgotten}"; each would be created anew`,
    ]);
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: [`i-${total}`] })).status).toBe(404);
    expect((await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1'] })).status).toBe(200);
  }, 60_000);

  it('a reset forgets them all and counts from zero', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    const port = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
    await mock(`${mock.url}/v2.0/ports/${port}`, { method: 'DELETE', headers: { 'x-auth-token': 't' } });
    expect((await control(mock, 'GET', 'resources')).body.lenient).toMatchObject({ remembered: 1, forgotten: 0 });
    await control(mock, 'POST', 'reset');
    expect((await control(mock, 'GET', 'resources')).body.lenient).toMatchObject({ remembered: 0, forgotten: 0 });
  });
});
