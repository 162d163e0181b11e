// POST /__mock/faults refusing a fault it cannot honour (its fields, the wire faults, chance, delays): a 400 problem+json (control-faults)
// whose detail names the field and what it may be, every problem listed, nothing queued; and
// the values at each limit, which are queued.
import { type StatefulMock, startMock } from '@cloud-release/mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { control, refusalDetail, statefulInProcess } from './support.js';

const FIELDS =
  'operation, times, probability, status, code, type, message, retryAfter, drop, applyThenDrop, fault, latencyMs, delay';
const ZENLAYER_OPERATIONS =
  'DestroyPort, ReleaseDisk, ReleaseInstances, TerminateInstance, DescribeInstances, DescribeDisks, TerminatePort, DescribePorts';
const NO_KIND = 'must have one of status, drop, applyThenDrop, fault, latencyMs, delay';
const ONE_KIND = 'must have at most one of status, drop, applyThenDrop, fault';
const NO_NAME = 'fault must name the error: code (Zenlayer) or type (Neutron)';
const RETRY_AFTER = 'fault.retryAfter must be an integer ≥ 0 (seconds)';
const TIMES = 'must be an integer 1..1000000';

// One mock per provider for all the refusals (each checks that it queued nothing).
const mocks: Partial<Record<'zenlayer' | 'neutron', StatefulMock>> = {};
beforeAll(async () => {
  mocks.zenlayer = await startMock({ api: 'zenlayer', mode: 'stateful' });
  mocks.neutron = await startMock({ api: 'neutron', mode: 'stateful' });
});
afterAll(async () => {
  await Promise.all(Object.values(mocks).map((m) => m.close()));
});

/** Posts the body; expects a refusal, and returns its detail once nothing was queued. */
async function refused(body: unknown, api: 'zenlayer' | 'neutron' = 'zenlayer'): Promise<string> {
  const mock = mocks[api]!;
  mock.clearFaults();
  const detail = refusalDetail(await control(mock, 'POST', 'faults', body), 'control-faults', 'Faults refused');
  expect(mock.faults()).toEqual([]);
  expect((await control(mock, 'GET', 'faults')).body).toEqual({ faults: [] });
  return detail;
}

describe('a fault that is not an object', () => {
  it.each([
    ['a string', '"drop"'],
    ['a number', '5'],
    ['null', 'null'],
  ])('%s as the body: "fault must be an object"', async (_, body) => {
    expect(await refused(body)).toBe('fault must be an object');
  });

  it('in a list, each one named by its index', async () => {
    expect(await refused({ faults: [[], null, 'drop', { latencyMs: 1 }, [{ drop: true }]] })).toBe(
      'faults[0] must be an object; faults[1] must be an object; faults[2] must be an object; faults[4] must be an object',
    );
  });
});

describe('fields and operation', () => {
  it('an unknown field, named with the fields a fault has', async () => {
    expect(await refused({ latencyMs: 1, delayMs: 5, Times: 2 })).toBe(
      `fault.delayMs is not a fault field (${FIELDS}); fault.Times is not a fault field (${FIELDS})`,
    );
  });

  it('an operation the provider does not have, with the ones it has', async () => {
    expect(await refused({ operation: 'DeletePort', latencyMs: 1 })).toBe(
      `fault.operation must be one of ${ZENLAYER_OPERATIONS} (got "DeletePort")`,
    );
    expect(await refused({ operation: 'ReleaseDisk', drop: true }, 'neutron')).toBe(
      'fault.operation must be one of ListApiVersions, ListApiResources, ListPorts, ShowPort, DeletePort (got "ReleaseDisk")',
    );
  });
});

describe('times', () => {
  it.each([0, -1, 1.5, '2', null, 1_000_001, 1e300])(`times %j: "${TIMES}"`, async (times) => {
    expect(await refused({ drop: true, times })).toBe(`fault.times ${TIMES}`);
  });
});

describe('the kind: at most one of status, drop, applyThenDrop, fault; a delay alone or with it', () => {
  it('none, and no delay either', async () => {
    expect(await refused({ times: 2 })).toBe(`fault ${NO_KIND}`);
  });

  it.each([
    ['status and drop', { status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE', drop: true }],
    ['drop and applyThenDrop', { drop: true, applyThenDrop: true }],
    ['drop and a wire fault', { drop: true, fault: 'reset' }],
  ])('%s', async (_, fault) => {
    expect(await refused(fault)).toBe(`fault ${ONE_KIND}`);
  });

  it('listed after the other problems found before it', async () => {
    expect(await refused({ colour: 'red', times: 0 })).toBe(
      `fault.colour is not a fault field (${FIELDS}); fault.times ${TIMES}; fault ${NO_KIND}`,
    );
  });

  it.each([false, 'yes', 1])('drop %j: "must be true"', async (drop) => {
    expect(await refused({ drop })).toBe('fault.drop must be true');
    expect(await refused({ applyThenDrop: drop })).toBe('fault.applyThenDrop must be true');
  });

  it.each([-1, 60_001, 1.5, '5'])('latencyMs %j: "must be an integer 0..60000"', async (latencyMs) => {
    expect(await refused({ latencyMs })).toBe('fault.latencyMs must be an integer 0..60000');
  });

  it('a wrong kind value is listed with the other problems', async () => {
    expect(await refused({ drop: 0, times: 0 })).toBe(`fault.times ${TIMES}; fault.drop must be true`);
    expect(await refused({ latencyMs: -1, times: 1.5 })).toBe(
      `fault.times ${TIMES}; fault.latencyMs must be an integer 0..60000`,
    );
  });
});

describe('the wire faults, probability and delays', () => {
  it.each(['timeout', true, 'RESET'])('fault %j: "must be one of reset, empty, malformed"', async (fault) => {
    expect(await refused({ fault })).toBe('fault.fault must be one of reset, empty, malformed');
  });

  it.each([-0.1, 1.01, '0.5', null, true])('probability %j: "must be a number 0..1"', async (probability) => {
    expect(await refused({ drop: true, probability })).toBe('fault.probability must be a number 0..1');
  });

  it('in process, NaN for a probability or a sigma (JSON cannot carry it)', () => {
    const mock = mocks.zenlayer!;
    expect(() => mock.fault({ drop: true, probability: Number.NaN })).toThrow(
      'faults[0].probability must be a number 0..1',
    );
    expect(() => mock.fault({ delay: { distribution: 'lognormal', medianMs: 1, sigma: Number.NaN } })).toThrow(
      'faults[0].delay.sigma must be a number 0..10',
    );
    expect(mock.faults()).toEqual([]);
  });

  it('a fixed and a drawn delay together', async () => {
    expect(
      await refused({ latencyMs: 5, delay: { distribution: 'uniform', lowerMs: 1, upperMs: 2 }, fault: 'reset' }),
    ).toBe('fault must have at most one of latencyMs, delay');
  });

  it.each([
    [
      'not an object',
      5,
      "fault.delay must be { distribution: 'uniform', lowerMs, upperMs } or { distribution: 'lognormal', medianMs, sigma }",
    ],
    [
      'an unknown distribution',
      { distribution: 'normal' },
      "fault.delay.distribution must be 'uniform' or 'lognormal'",
    ],
    [
      'a field of the other distribution',
      { distribution: 'uniform', lowerMs: 1, upperMs: 2, sigma: 1 },
      'fault.delay.sigma is not a field of a uniform delay (distribution, lowerMs, upperMs)',
    ],
    [
      'bounds out of range',
      { distribution: 'uniform', lowerMs: -1, upperMs: 60_001 },
      'fault.delay.lowerMs must be an integer 0..60000; fault.delay.upperMs must be an integer 0..60000',
    ],
    [
      'upper below lower',
      { distribution: 'uniform', lowerMs: 200, upperMs: 100 },
      'fault.delay.upperMs must be ≥ lowerMs',
    ],
    [
      'a median that is not whole ms, a sigma out of range',
      { distribution: 'lognormal', medianMs: 1.5, sigma: 11 },
      'fault.delay.medianMs must be an integer 0..60000; fault.delay.sigma must be a number 0..10',
    ],
    [
      'no median, a sigma that is not a number',
      { distribution: 'lognormal', sigma: '1' },
      'fault.delay.medianMs must be an integer 0..60000; fault.delay.sigma must be a number 0..10',
    ],
  ])('a delay %s', async (_, delay, detail) => {
    expect(await refused({ delay })).toBe(detail);
  });
});

describe('a status fault', () => {
  it.each([399, 600, 429.5, '429', 0])('status %j: "must be 400..599"', async (status) => {
    expect(await refused({ status, code: 'REQUEST_LIMIT_EXCEEDED' })).toBe('fault.status must be 400..599');
  });

  it.each([
    ['no code or type', { status: 503 }],
    ['a code that is not a string', { status: 503, code: 503 }],
    ['a type that is not a string', { status: 503, type: true }],
  ])('%s: "must name the error"', async (_, fault) => {
    expect(await refused(fault)).toBe(NO_NAME);
  });

  it('a status the named operation does not document, with the ones it does', async () => {
    expect(await refused({ operation: 'ReleaseDisk', status: 409, code: 'CONFLICT' })).toBe(
      'fault.status 409 is not documented for ReleaseDisk (200, 400, 401, 404, 429, 500, 503)',
    );
  });

  it('a code the named operation does not document for that status, with the ones it does', async () => {
    expect(await refused({ operation: 'DeletePort', status: 404, type: 'NotFound' }, 'neutron')).toBe(
      'fault: DeletePort 404 documents PortNotFound, HTTPNotFound, not NotFound',
    );
    expect(await refused({ operation: 'ReleaseDisk', status: 404, code: 'INVALID_INSTANCE_NOT_FOUND' })).toBe(
      'fault: ReleaseDisk 404 documents INVALID_DISK_NOT_FOUND, OPERATION_FAILED_RESOURCE_NOT_FOUND, not INVALID_INSTANCE_NOT_FOUND',
    );
  });

  it('a status out of range is not also checked against what the operation documents', async () => {
    expect(await refused({ operation: 'ReleaseDisk', status: 700, code: 'X' })).toBe('fault.status must be 400..599');
    expect(await refused({ operation: 'ReleaseDisk', status: 409 })).toBe(NO_NAME);
  });

  it.each([-1, 1.5, '2'])('retryAfter %j: "must be an integer ≥ 0 (seconds)"', async (retryAfter) => {
    expect(await refused({ status: 429, code: 'REQUEST_LIMIT_EXCEEDED', retryAfter })).toBe(RETRY_AFTER);
  });

  it.each([
    ['not a string', 42],
    ['over 1000 characters', 'x'.repeat(1001)],
  ])('a message %s', async (_, message) => {
    expect(await refused({ status: 429, code: 'REQUEST_LIMIT_EXCEEDED', message })).toBe(
      'fault.message must be a string of at most 1000 characters',
    );
  });

  it.each([
    ['code', ''],
    ['code', 'X'.repeat(101)],
    ['type', 'T'.repeat(101)],
  ])('a %s of %j characters: "must be 1..100 characters"', async (field, value) => {
    expect(await refused({ status: 500, [field]: value })).toBe(`fault.${field} must be 1..100 characters`);
  });

  it('every problem of one fault, in one answer', async () => {
    expect(await refused({ operation: 'Nope', times: 0, status: 600, retryAfter: -1 })).toBe(
      [
        `fault.operation must be one of ${ZENLAYER_OPERATIONS} (got "Nope")`,
        `fault.times ${TIMES}`,
        'fault.status must be 400..599',
        NO_NAME,
        RETRY_AFTER,
      ].join('; '),
    );
  });
});

it('refuses a whole list for one wrong fault, naming only that one', async () => {
  expect(
    await refused({ faults: [{ latencyMs: 5 }, { operation: 'ReleaseDisk', drop: true, times: 0 }, { drop: true }] }),
  ).toBe(`faults[1].times ${TIMES}`);
});

describe('the queue is bounded', () => {
  const QUEUE_FULL = 'DELETE /__mock/faults empties it';

  it('holds 1000 faults; the next is refused naming the limit, and the queue is unchanged', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const thousand = Array.from({ length: 1000 }, () => ({ drop: true }));
    expect((await control(mock, 'POST', 'faults', thousand)).status).toBe(201);
    const answer = await control(mock, 'POST', 'faults', { latencyMs: 1 });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toBe(`faults: the queue holds at most 1000 faults (1000 queued, 1 sent); ${QUEUE_FULL}`);
    expect(mock.faults()).toHaveLength(1000);
    expect(mock.faults().every((f) => f.kind === 'drop')).toBe(true);
  });

  it('refuses one list of 1001 faults whole, with one line, not one per fault', async () => {
    mocks.zenlayer!.clearFaults();
    const answer = await control(
      mocks.zenlayer!,
      'POST',
      'faults',
      Array.from({ length: 1001 }, () => ({ x: 1 })),
    );
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toBe(`faults: the queue holds at most 1000 faults (0 queued, 1001 sent); ${QUEUE_FULL}`);
    expect(mocks.zenlayer!.faults()).toEqual([]);
  });
});

describe('the values at the limits are queued', () => {
  it.each([
    ['times 1', { drop: true, times: 1 }, { kind: 'drop', times: 1 }],
    ['times 1000000', { latencyMs: 0, times: 1_000_000 }, { kind: 'latency', times: 1_000_000, latencyMs: 0 }],
    ['applyThenDrop', { applyThenDrop: true }, { kind: 'applyThenDrop', times: 1 }],
    [
      'a code of 100 characters',
      { status: 500, code: 'C'.repeat(100) },
      { kind: 'status', times: 1, status: 500, code: 'C'.repeat(100) },
    ],
    ['latencyMs 0', { latencyMs: 0 }, { kind: 'latency', times: 1, latencyMs: 0 }],
    ['fault reset', { fault: 'reset' }, { kind: 'reset', times: 1 }],
    ['fault empty', { fault: 'empty', times: 2 }, { kind: 'empty', times: 2 }],
    [
      'fault malformed, probability 0',
      { fault: 'malformed', probability: 0 },
      { kind: 'malformed', times: 1, probability: 0 },
    ],
    ['probability 1', { drop: true, probability: 1 }, { kind: 'drop', times: 1, probability: 1 }],
    [
      'a status fault with a delay',
      { status: 503, code: 'X', latencyMs: 60_000 },
      { kind: 'status', times: 1, status: 503, code: 'X', latencyMs: 60_000 },
    ],
    [
      'a uniform delay over the whole range',
      { delay: { distribution: 'uniform', lowerMs: 0, upperMs: 60_000 } },
      { kind: 'latency', times: 1, delay: { distribution: 'uniform', lowerMs: 0, upperMs: 60_000 } },
    ],
    [
      'a lognormal delay at its widest, before a drop',
      { drop: true, delay: { distribution: 'lognormal', medianMs: 60_000, sigma: 10 } },
      { kind: 'drop', times: 1, delay: { distribution: 'lognormal', medianMs: 60_000, sigma: 10 } },
    ],
    [
      'a uniform delay of one value',
      { applyThenDrop: true, delay: { distribution: 'uniform', lowerMs: 5, upperMs: 5 } },
      { kind: 'applyThenDrop', times: 1, delay: { distribution: 'uniform', lowerMs: 5, upperMs: 5 } },
    ],
    ['latencyMs 60000', { latencyMs: 60_000, times: 3 }, { kind: 'latency', times: 3, latencyMs: 60_000 }],
    ['status 400', { status: 400, code: 'ANY' }, { kind: 'status', times: 1, status: 400, code: 'ANY' }],
    ['status 599', { status: 599, type: 'Any' }, { kind: 'status', times: 1, status: 599, code: 'Any' }],
    [
      'retryAfter 0',
      { status: 429, code: 'X', retryAfter: 0 },
      { kind: 'status', times: 1, status: 429, code: 'X', retryAfter: 0 },
    ],
    [
      'a documented status and code of the named operation',
      { operation: 'ReleaseDisk', status: 404, code: 'OPERATION_FAILED_RESOURCE_NOT_FOUND', message: 'gone' },
      {
        kind: 'status',
        operation: 'ReleaseDisk',
        times: 1,
        status: 404,
        code: 'OPERATION_FAILED_RESOURCE_NOT_FOUND',
        message: 'gone',
      },
    ],
  ])('%s', async (_, fault, queued) => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const answer = await control(mock, 'POST', 'faults', fault);
    expect(answer.status).toBe(201);
    expect(answer.body).toEqual({ faults: [queued], queued: 1 });
    // In the process, what mock.faults() returns has no field the fault did not set.
    expect(mock.faults()).toStrictEqual([queued]);
  });
});
