// Control-plane calls are journaled apart from API requests, in a ring of the newest 1,000,
// read with GET /__mock/control-requests (and nothing else: it cannot be cleared or written).
// In-process (createMockFetch): the control plane answers the same there, and no socket is under test.
import { describe, expect, it } from 'vitest';
import { CONTROL_JOURNAL_LIMIT } from '../../src/control/control-journal.js';
import { control, statefulInProcess, zenlayer } from './support.js';

const TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

describe('the control-plane journal', () => {
  it('lists each control call (method, path, status, time), oldest first; the API journal has none of them', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', transitionMs: 0 });
    await control(mock, 'POST', 'resources', { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] });
    await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
    await control(mock, 'GET', 'resources?x=1');
    await control(mock, 'POST', 'faults', 'not json');
    const api = await control(mock, 'GET', 'requests');
    expect(api.body.requests.map((r: { operation: string }) => r.operation)).toEqual(['ReleaseDisk']);
    const calls = await control(mock, 'GET', 'control-requests');
    expect(calls.status).toBe(200);
    expect(calls.body).toEqual({
      requests: [
        { time: TIME, method: 'POST', path: '/__mock/resources', status: 201 },
        { time: TIME, method: 'GET', path: '/__mock/resources?x=1', status: 200 },
        { time: TIME, method: 'POST', path: '/__mock/faults', status: 400 },
        { time: TIME, method: 'GET', path: '/__mock/requests', status: 200 },
      ],
      limit: { entries: CONTROL_JOURNAL_LIMIT },
      dropped: 0,
    });
  });

  it('is read-only: DELETE and POST are unknown calls (and journaled as such); a reset keeps it', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    expect((await control(mock, 'DELETE', 'control-requests')).status).toBe(400);
    expect((await control(mock, 'POST', 'control-requests', {})).status).toBe(400);
    expect((await control(mock, 'POST', 'reset')).status).toBe(204);
    const calls = await control(mock, 'GET', 'control-requests');
    expect(calls.body.requests.map((r: { method: string; status: number }) => `${r.method} ${r.status}`)).toEqual([
      'DELETE 400',
      'POST 400',
      'POST 204',
    ]);
  });

  it(`keeps the newest ${CONTROL_JOURNAL_LIMIT} calls and counts the ones it dropped; a long path is cut`, async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    for (let n = 0; n < CONTROL_JOURNAL_LIMIT + 4; n++) await control(mock, 'GET', `faults?n=${n}`);
    await control(mock, 'GET', `faults?long=${'x'.repeat(10_000)}`);
    const calls = await control(mock, 'GET', 'control-requests');
    expect(calls.body.dropped).toBe(5);
    expect(calls.body.requests).toHaveLength(CONTROL_JOURNAL_LIMIT);
    expect(calls.body.requests[0].path).toBe('/__mock/faults?n=5');
    const long = calls.body.requests.at(-1).path;
    expect([long.length, long.endsWith('…')]).toEqual([257, true]);
  }, 60_000);
});
