// One root: every error names its outcome, and one toJSON in the base gives the same head
// (name, message, outcome, status, code) followed by each class's own facts.
import { describe, expect, it } from 'vitest';
import {
  CloudReleaseError,
  NetworkError,
  NeutronApiError,
  OutcomeUnknownError,
  RedirectError,
  ValidationError,
  ZenlayerBatchError,
} from '../src/index.js';
import { apiError, timeout } from './support/error-fixtures.js';

describe('CloudReleaseError', () => {
  it.each([
    [new ValidationError('portId', 'a UUID', 'bad'), 'not-sent', { field: 'portId', limit: 'a UUID' }],
    [new NetworkError('refused', 'ReleaseDisk'), 'not-sent', { operation: 'ReleaseDisk' }],
    [timeout, 'unknown', { operation: 'ReleaseInstances', ids: ['i-2'], reason: 'timeout', timeoutMs: 5 }],
    [
      new RedirectError('moved', 'DeletePort', 307, 'http://evil.test'),
      'refused',
      { locationOrigin: 'http://evil.test' },
    ],
    [new NeutronApiError('p-1', 409, 'ServicePortInUse', 'busy'), 'refused', { code: 'ServicePortInUse', status: 409 }],
    [apiError, 'refused', { status: 403, code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', requestId: 'T-1' }],
  ] as const)('%s has outcome %s and its facts in toJSON', (error, outcome, facts) => {
    expect(error).toBeInstanceOf(CloudReleaseError);
    expect(error.outcome).toBe(outcome);
    const json = error.toJSON();
    expect(Object.keys(json).slice(0, 5)).toEqual(['name', 'message', 'outcome', 'status', 'code']);
    expect(json).toMatchObject({ name: error.name, message: error.message, outcome, ...facts });
  });

  it('a timeout is an unknown outcome, not a NetworkError: the request was sent', () => {
    expect(timeout).toBeInstanceOf(OutcomeUnknownError);
    expect(timeout).not.toBeInstanceOf(NetworkError);
  });
});

describe('ZenlayerBatchError', () => {
  it('lists released, failed, unknown and notSent, and serialises nested errors by their own toJSON', () => {
    const error = new ZenlayerBatchError({
      released: [{ ids: ['i-0'], requestId: 'T-0', alreadyGone: false }],
      failed: [{ ids: ['i-1'], error: apiError }],
      unknown: [{ ids: ['i-2'], error: timeout }],
      notSent: ['i-3', 'i-4'],
      total: 3,
    });
    expect(error.outcome).toBe('unknown');
    expect(error.message).toBe(
      'ReleaseInstances: 1 of 3 batches failed, 1 instance not released (i-1); 1 of 3 batches with an unknown outcome, ' +
        '1 instance may have been released (i-2); 2 instances not sent (i-3, i-4), stopped. ' +
        `${apiError.message}; ${timeout.message}`,
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ZenlayerBatchError',
      message: error.message,
      outcome: 'unknown',
      released: [{ ids: ['i-0'], requestId: 'T-0', alreadyGone: false }],
      failed: [{ ids: ['i-1'], error: JSON.parse(JSON.stringify(apiError)) }],
      unknown: [{ ids: ['i-2'], error: JSON.parse(JSON.stringify(timeout)) }],
      notSent: ['i-3', 'i-4'],
      total: 3,
    });
  });

  it('is refused when only refusals, and not-sent when only stopped', () => {
    expect(new ZenlayerBatchError({ released: [], failed: [{ ids: ['a'], error: apiError }], total: 1 }).outcome).toBe(
      'refused',
    );
    expect(new ZenlayerBatchError({ released: [], failed: [], notSent: ['a'], total: 1 }).outcome).toBe('not-sent');
  });
});
