// Counting and finding journal lines by a filter, as WireMock's users do: POST
// /__mock/requests/count → { count }, POST /__mock/requests/find → { requests } (lines as GET
// /__mock/requests serves them), and in process mock.countRequests(filter), mock.requests(filter).
import { describe, expect, it } from 'vitest';
import { control, statefulInProcess, zenlayer } from './support.js';

/** Five lines: d-1 released (200), d-9 not found (404), a read, a refused body, d-1 again (a 503 fault). */
async function journaled() {
  const mock = await statefulInProcess({
    api: 'zenlayer',
    strict: true,
    seed: { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] },
  });
  await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
  await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-9' });
  await zenlayer(mock, 'DescribeDisks', { diskIds: ['d-2'] });
  await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-3', force: true });
  mock.fault({ operation: 'ReleaseDisk', status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' });
  await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
  return mock;
}

const count = async (mock: { url: string }, filter: unknown) => {
  const answer = await control(mock, 'POST', 'requests/count', filter);
  expect(answer.status).toBe(200);
  return answer.body.count;
};

describe('POST /__mock/requests/count', () => {
  it('counts the lines every given field matches; {} counts them all', async () => {
    const mock = await journaled();
    expect(await count(mock, {})).toBe(5);
    expect(await count(mock, { operation: 'ReleaseDisk' })).toBe(4);
    expect(await count(mock, { operation: 'ReleaseDisk', id: 'd-1' })).toBe(2);
    expect(await count(mock, { operation: 'ReleaseDisk', id: 'd-1', status: 200 })).toBe(1);
    expect(await count(mock, { code: 'INVALID_DISK_NOT_FOUND' })).toBe(1);
    expect(await count(mock, { code: null })).toBe(2);
    expect(await count(mock, { id: 'd-2' })).toBe(1);
    expect(await count(mock, { valid: false })).toBe(1);
    expect(await count(mock, { valid: true, fault: 'status' })).toBe(1);
    expect(await count(mock, { operation: 'DestroyPort' })).toBe(0);
    expect(await count(mock, { operation: null })).toBe(0);
  });

  it('in process: mock.countRequests(filter), the same counts', async () => {
    const mock = await journaled();
    expect(mock.countRequests()).toBe(5);
    expect(mock.countRequests({ operation: 'ReleaseDisk', id: 'd-1' })).toBe(2);
    expect(mock.countRequests({ status: 503 })).toBe(1);
  });

  it('counts what the journal keeps: a cleared journal counts 0', async () => {
    const mock = await journaled();
    await control(mock, 'DELETE', 'requests');
    expect(await count(mock, {})).toBe(0);
  });
});

describe('POST /__mock/requests/find', () => {
  it('answers the matching lines, oldest first, as GET /__mock/requests serves them', async () => {
    const mock = await journaled();
    const all = (await control(mock, 'GET', 'requests')).body.requests;
    const found = await control(mock, 'POST', 'requests/find', { operation: 'ReleaseDisk', id: 'd-1' });
    expect(found.status).toBe(200);
    expect(found.body).toEqual({ requests: [all[0], all[4]] });
    expect(found.body.requests.map((r: { status: number }) => r.status)).toEqual([200, 503]);
    expect(mock.requests({ operation: 'ReleaseDisk', id: 'd-1' })).toEqual([all[0], all[4]]);
  });

  it('finds the invalid requests with their finding', async () => {
    const mock = await journaled();
    expect((await control(mock, 'POST', 'requests/find', { valid: false })).body.requests).toMatchObject([
      {
        operation: 'ReleaseDisk',
        ids: [],
        status: 400,
        valid: false,
        finding: { stage: 'validation', keyword: 'additionalProperties', field: 'force' },
      },
    ]);
  });
});

describe('a time range: since (inclusive) and until (exclusive)', () => {
  it('in ISO-8601 with a zone or in epoch milliseconds, the same lines', async () => {
    const mock = await journaled();
    const times = mock.requests().map((r) => r.time);
    const third = times[2]!;
    const ms = Date.parse(third);
    const later = mock.requests().filter((r) => Date.parse(r.time) >= ms).length;
    expect(await count(mock, { since: third })).toBe(later);
    expect(await count(mock, { since: ms })).toBe(later);
    expect(await count(mock, { since: third.replace('Z', '+00:00') })).toBe(later);
    expect(await count(mock, { until: ms })).toBe(5 - later);
    expect(await count(mock, { since: times[0], until: Date.parse(times[4]!) + 1 })).toBe(5);
    expect(await count(mock, { since: Date.parse(times[4]!) + 1 })).toBe(0);
    expect(await count(mock, { until: '2000-01-01T00:00:00Z' })).toBe(0);
  });
});

it('POST /__mock/requests/count is a call of the control plane: 200 { count }, no control-route refusal', async () => {
  const mock = await statefulInProcess({ api: 'zenlayer' });
  await zenlayer(mock, 'DescribeDisks', {});
  const answer = await control(mock, 'POST', 'requests/count', {});
  expect(answer.status).toBe(200);
  expect(answer.headers.get('x-cloud-release-mock-error')).toBeNull();
  expect(answer.body).toEqual({ count: 1 });
});
