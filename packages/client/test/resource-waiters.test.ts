// The per-resource waiters against the stateful mock over HTTP: Describe calls of at most 100
// ids, each asking for a page that holds them all; transient answers during a poll ride
// through; Neutron's waiter ends on the GET's 404.
import { describe, expect, it } from 'vitest';
import {
  waitUntilInstancesGone,
  waitUntilInstancesInRecycleBin,
  waitUntilNeutronPortsGone,
  waitUntilPortsInRecycleBin,
} from '../src/index.js';
import { FAST, neutronMock, stopMocksAfterEach, zenlayerMock } from './support/stateful-mocks.js';

stopMocksAfterEach();

describe('Zenlayer waiters', () => {
  it('150 instances: each round is two DescribeInstances (100 + 50), and the wait ends in the recycle bin', async () => {
    const ids = Array.from({ length: 150 }, (_, i) => `i-${i}`);
    const { mock, client } = await zenlayerMock(ids.map((id) => ({ type: 'instance', id, status: 'RUNNING' })));
    for (const id of ids) await client.terminateInstance(id);
    await mock.control('DELETE', '/__mock/requests');
    const result = await waitUntilInstancesInRecycleBin(client, ids, FAST);
    expect(result.state).toBe('success');
    expect(new Set(Object.values(result.statuses))).toEqual(new Set(['RECYCLE']));
    const reads = (await mock.journal()).map((r) => r.ids.length);
    // The first round asks about all 150; a later one only about those not there yet (one or
    // two calls, as the transitions ran meanwhile), never more than 100 ids a call.
    expect(reads.slice(0, 2)).toEqual([100, 50]);
    expect(reads.every((n) => n <= 100)).toBe(true);
    expect(reads.length).toBeGreaterThanOrEqual(result.polls + 1);
    expect(reads.length).toBeLessThanOrEqual(result.polls * 2);
  });

  it('a 503 SERVICE_TEMPORARY_UNAVAILABLE and a 429 during the wait do not end it', async () => {
    const { mock, client } = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'RECYCLE' }]);
    await client.releaseInstances(['i-1']);
    await mock.control('DELETE', '/__mock/requests');
    await mock.control('POST', '/__mock/faults', {
      faults: [
        { operation: 'DescribeInstances', status: 503, code: 'SERVICE_TEMPORARY_UNAVAILABLE' },
        { operation: 'DescribeInstances', status: 429, code: 'REQUEST_LIMIT_EXCEEDED' },
      ],
    });
    const result = await waitUntilInstancesGone(client, ['i-1'], FAST);
    expect(result).toMatchObject({ state: 'success', statuses: { 'i-1': null } });
    expect((await mock.journal()).slice(0, 2).map((r) => r.status)).toEqual([503, 429]);
  });

  it('a not-found code is gone: alone at once; in a batch, each id is asked alone', async () => {
    const { mock, client } = await zenlayerMock([]);
    const notFound = { status: 404, code: 'INVALID_INSTANCE_NOT_FOUND' };
    await mock.control('POST', '/__mock/faults', { faults: [notFound] });
    await expect(waitUntilInstancesGone(client, ['i-1'], FAST)).resolves.toMatchObject({
      state: 'success',
      polls: 1,
      statuses: { 'i-1': null },
    });
    await mock.control('DELETE', '/__mock/requests');
    await mock.control('POST', '/__mock/faults', { faults: [notFound] });
    await expect(waitUntilInstancesGone(client, ['i-1', 'i-2'], FAST)).resolves.toMatchObject({
      state: 'success',
      polls: 1,
      statuses: { 'i-1': null, 'i-2': null },
    });
    expect((await mock.journal()).map((r) => [r.ids.join(','), r.status])).toEqual([
      ['i-1,i-2', 404],
      ['i-1', 200],
      ['i-2', 200],
    ]);
  });

  it('an error that is not transient ends the wait as a failure carrying it', async () => {
    const { mock, client } = await zenlayerMock([{ type: 'port', id: 'p-1', status: 'DELETING' }]);
    await mock.control('POST', '/__mock/faults', {
      faults: [{ operation: 'DescribePorts', status: 401, code: 'AUTHFAILURE_INVALID_AUTHORIZATION' }],
    });
    const result = await waitUntilPortsInRecycleBin(client, ['p-1'], FAST);
    expect(result).toMatchObject({ state: 'failure', polls: 1, error: { code: 'AUTHFAILURE_INVALID_AUTHORIZATION' } });
  });

  it('a status neither operating nor the target: failure, naming it', async () => {
    const { client } = await zenlayerMock([{ type: 'instance', id: 'i-1', status: 'STOPPED' }]);
    const result = await waitUntilInstancesInRecycleBin(client, ['i-1'], FAST);
    expect(result).toMatchObject({ state: 'failure', polls: 1, statuses: { 'i-1': 'STOPPED' } });
  });
});

describe('Neutron waiter', () => {
  const P = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

  it('ends on the GET 404 after the delete', async () => {
    const { mock, client } = await neutronMock([{ id: P }]);
    await client.deletePort(P);
    const result = await waitUntilNeutronPortsGone(client, [P]);
    expect(result).toMatchObject({ state: 'success', polls: 1, statuses: { [P]: null } });
    expect((await mock.journal()).map((r) => [r.operation, r.status])).toEqual([
      ['DeletePort', 204],
      ['ShowPort', 404],
    ]);
  });

  it('a port still there at the deadline: timeout with its last status', async () => {
    const { client } = await neutronMock([{ id: P, status: 'DOWN' }]);
    const result = await waitUntilNeutronPortsGone(client, [P], { minDelayMs: 10, maxDelayMs: 10, maxWaitMs: 400 });
    expect(result).toMatchObject({ state: 'timeout', statuses: { [P]: 'DOWN' } });
    expect(result.polls).toBeGreaterThanOrEqual(2);
  });
});
