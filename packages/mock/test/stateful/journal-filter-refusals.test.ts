// A journal filter it cannot honour (POST /__mock/requests/count or /find): a 400 problem+json
// (control-requests, "Filter refused") whose detail names the field and its rule, every problem
// listed; in process, mock.countRequests / mock.requests throw the same words. A typo must never
// count 0 quietly.
import { type StatefulMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, refusalDetail } from './support.js';

const FIELDS = 'operation, id, status, code, valid, fault, since, until';
const OPERATIONS =
  'DestroyPort, ReleaseDisk, ReleaseInstances, TerminateInstance, DescribeInstances, DescribeDisks, TerminatePort, DescribePorts';
const TIME_RULE =
  'must be an ISO-8601 time with its zone (e.g. 2026-12-06T11:00:00Z) or epoch milliseconds 0..8640000000000000';

let mock: StatefulMock;
beforeAll(async () => {
  mock = await startMock({ api: 'zenlayer', mode: 'stateful' });
});
afterAll(async () => {
  await mock.close();
});

/** Sends the filter to both calls; expects the same refusal from each, and returns its detail. */
async function refused(filter: unknown): Promise<string> {
  const details: string[] = [];
  for (const call of ['requests/count', 'requests/find']) {
    details.push(refusalDetail(await control(mock, 'POST', call, filter), 'control-requests', 'Filter refused'));
  }
  expect(details[1]).toBe(details[0]);
  return details[0]!;
}

describe('the filter itself', () => {
  it.each([
    ['a list', [{ operation: 'ReleaseDisk' }], '[{"operation":"ReleaseDisk"}]'],
    ['a string', '"ReleaseDisk"', '"ReleaseDisk"'],
    ['null', 'null', 'null'],
  ])('%s: "filter must be an object"', async (_, body, got) => {
    expect(await refused(body)).toBe(`filter must be an object (got ${got})`);
  });

  it('an unknown field, named with the fields a filter has', async () => {
    expect(await refused({ opertion: 'ReleaseDisk', path: '/x' })).toBe(
      `filter.opertion is not a filter field (${FIELDS}); filter.path is not a filter field (${FIELDS})`,
    );
  });

  it('every problem in one answer', async () => {
    expect(await refused({ status: '200', valid: 'no', since: 'yesterday', x: 1 })).toBe(
      [
        `filter.x is not a filter field (${FIELDS})`,
        'filter.status must be an integer 100..599 or null (got "200")',
        'filter.valid must be true or false (got "no")',
        `filter.since ${TIME_RULE} (got "yesterday")`,
      ].join('; '),
    );
  });
});

describe('each field', () => {
  it('an operation the provider does not have, with the ones it has', async () => {
    expect(await refused({ operation: 'DeletePort' })).toBe(
      `filter.operation must be one of ${OPERATIONS} or null (got "DeletePort")`,
    );
  });

  it.each([
    ['id', ''],
    ['id', 7],
    ['id', null],
    ['id', 'x'.repeat(1025)],
  ])('%s %j: "must be a string of 1..1024 characters"', async (field, value) => {
    expect(await refused({ [field]: value })).toMatch(/^filter\.id must be a string of 1\.\.1024 characters \(got /);
  });

  it('a code that is not a string or null', async () => {
    expect(await refused({ code: 404 })).toBe('filter.code must be a string of 1..1024 characters or null (got 404)');
  });

  it('a value quoted back is cut short, however long it was', async () => {
    const detail = await refused({ code: 'C'.repeat(5000) });
    expect(detail).toBe(`filter.code must be a string of 1..1024 characters or null (got "${'C'.repeat(63)}…)`);
  });

  it.each([99, 600, 200.5, '404', true])('status %j', async (status) => {
    expect(await refused({ status })).toMatch(/^filter\.status must be an integer 100\.\.599 or null/);
  });

  it.each([0, 'true', null])('valid %j', async (valid) => {
    expect(await refused({ valid })).toMatch(/^filter\.valid must be true or false/);
  });

  it('a fault that is not one of the kinds', async () => {
    expect(await refused({ fault: 'timeout' })).toBe(
      'filter.fault must be one of status, latency, drop, applyThenDrop, reset, empty, malformed (got "timeout")',
    );
  });
});

describe('the time range', () => {
  it.each([
    ['a date without a time', '2026-12-06'],
    ['a time without its zone', '2026-12-06T11:00:00'],
    ['a day that does not exist', '2026-13-45T11:00:00Z'],
    ['prose', 'an hour ago'],
    ['negative epoch ms', -1],
    ['fractional epoch ms', 1.5],
    ['epoch ms past what a date holds', 8.64e15 + 1],
    ['a boolean', true],
  ])('%s', async (_, since) => {
    expect(await refused({ since })).toBe(`filter.since ${TIME_RULE} (got ${JSON.stringify(since)})`);
    expect(await refused({ until: since })).toBe(`filter.until ${TIME_RULE} (got ${JSON.stringify(since)})`);
  });

  it('until not after since', async () => {
    const rule = 'filter.until must be later than filter.since (since is inclusive, until exclusive)';
    expect(await refused({ since: '2026-12-06T11:00:00Z', until: '2026-12-06T11:00:00Z' })).toBe(rule);
    expect(await refused({ since: 2_000, until: 1_000 })).toBe(rule);
  });
});

it('in process: the same words, thrown', () => {
  expect(() => mock.countRequests({ opertion: 'ReleaseDisk' } as never)).toThrow(
    `filter.opertion is not a filter field (${FIELDS})`,
  );
  expect(() => mock.requests({ since: 'now' })).toThrow(`filter.since ${TIME_RULE} (got "now")`);
});

it('a filter at the limits is taken', async () => {
  for (const filter of [
    { id: 'x'.repeat(1024), status: 599, code: null, operation: null, valid: true, fault: 'malformed' },
    { status: 100, since: 0, until: 8.64e15 },
    { since: '2026-12-06T11:00:00.123456789+05:30' },
  ])
    expect(await control(mock, 'POST', 'requests/count', filter)).toMatchObject({ status: 200, body: { count: 0 } });
});
