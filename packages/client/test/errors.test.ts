// One root: every error names its outcome, and one toJSON in the base gives the same head
// (name, message, outcome, status, code) followed by each class's own facts, as plain data all
// the way down (what the CLI's --json and a JSON log print). A batch error's message names only
// the parts of the release that happened.
import { inspect } from 'node:util';
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
import { zenlayerError } from './support/capture-server.js';
import { apiError, apiError as refused, timeout as timedOut, timeout } from './support/error-fixtures.js';
import { messages } from './support/messages.js';
import { signedClientSetup } from './support/signed-client.js';

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
      messages.batch(
        [
          messages.batchFailed('1 of 3 batches', '1 instance', 'i-1'),
          messages.batchUnknown('1 of 3 batches', '1 instance', 'i-2'),
          messages.batchNotSent('2 instances', 'i-3, i-4'),
        ],
        [apiError.message, timeout.message],
      ),
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

const batchError = () =>
  new ZenlayerBatchError(
    {
      released: [{ ids: ['i-0'], requestId: 'R-0', alreadyGone: false }],
      failed: [{ ids: ['i-1'], error: refused }],
      unknown: [{ ids: ['i-2'], error: timedOut }],
      notSent: ['i-3'],
      total: 4,
    },
    new Error('stopped by SIGINT'),
  );

describe('toJSON: the head, then the facts', () => {
  it('names the error, its message, outcome, status and code first, in that order', () => {
    const e = new ValidationError('instanceIds[3]', 'at most 100 ids', 'instanceIds[3]: too many');
    expect(Object.keys(e.toJSON())).toEqual(['name', 'message', 'outcome', 'status', 'code', 'field', 'limit']);
    expect(JSON.stringify(e)).toBe(
      '{"name":"ValidationError","message":"instanceIds[3]: too many","outcome":"not-sent","field":"instanceIds[3]","limit":"at most 100 ids"}',
    );
  });

  it('a refusal carries its status and code in the head', () => {
    const json = refused.toJSON();
    expect(Object.keys(json).slice(0, 5)).toEqual(['name', 'message', 'outcome', 'status', 'code']);
    expect(json).toMatchObject({ outcome: 'refused', status: 403, code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED' });
  });

  it('a redirect names itself', () => {
    const e = new RedirectError('DeletePort: redirected', 'DeletePort', 302, 'https://elsewhere.example');
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ name: 'RedirectError', status: 302 });
    expect(String(e)).toMatch(/^RedirectError: /);
  });

  it('an unknown outcome can be made without options, as a test double of a caller would', () => {
    const e = new OutcomeUnknownError('ReleaseDisk d-1: reset', 'ReleaseDisk', ['d-1'], 'connection-lost');
    expect(e.toJSON()).toMatchObject({ outcome: 'unknown', status: undefined, ids: ['d-1'] });
  });
});

describe('toJSON of a partly done release: plain data, nested errors as their facts', () => {
  it('each failed or unknown batch names its error’s code, request id and outcome', () => {
    const json = JSON.parse(JSON.stringify(batchError()));
    expect(json.released).toEqual([{ ids: ['i-0'], requestId: 'R-0', alreadyGone: false }]);
    expect(json.failed[0].error).toMatchObject({
      name: 'ZenlayerApiError',
      outcome: 'refused',
      code: 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
      requestId: 'T-1',
    });
    expect(json.unknown[0].error).toMatchObject({ name: 'TimeoutError', outcome: 'unknown', ids: ['i-2'] });
    expect(json.notSent).toEqual(['i-3']);
  });

  it('is the same plain data without JSON.stringify: no error object (nor its stack) is left inside', () => {
    const e = batchError();
    const facts = e.toJSON();
    // structuredClone keeps an Error an Error: equal to the JSON round trip only if none is left.
    expect(structuredClone(facts)).toEqual(JSON.parse(JSON.stringify(e)));
    expect(inspect(facts, { depth: 10 })).not.toMatch(/\n\s+at /);
  });

  it('a plain Error a caller put in a batch is reduced to its name and message', () => {
    const plain = new TypeError('socket hang up');
    const e = new ZenlayerBatchError({
      released: [],
      failed: [{ ids: ['i-9'], error: plain as unknown as typeof refused }],
      total: 1,
    });
    expect((e.toJSON().failed as { error: unknown }[])[0]?.error).toEqual({
      name: 'TypeError',
      message: 'socket hang up',
    });
  });

  it('a null a caller put in a batch stays null, and toJSON does not throw on it', () => {
    const e = new ZenlayerBatchError({
      released: [{ ids: ['i-0'], requestId: null as unknown as string, alreadyGone: false }],
      failed: [{ ids: ['i-1'], error: refused }],
      total: 2,
    });
    expect(JSON.parse(JSON.stringify(e)).released).toEqual([{ ids: ['i-0'], requestId: null, alreadyGone: false }]);
  });
});

class ReleaseScheduledError extends CloudReleaseError {
  override readonly name = 'ReleaseScheduledError';
  constructor(
    readonly at: Date,
    readonly endpoint: URL,
    readonly window: { from: string; to: string },
  ) {
    super(`release scheduled at ${at.toISOString()}`, { outcome: 'not-sent' });
  }
}

describe('toJSON of a derived error', () => {
  it('keeps a Date and a URL as themselves, so JSON prints their own forms', () => {
    const error = new ReleaseScheduledError(
      new Date('2026-12-02T16:00:00Z'),
      new URL('https://console.zenlayer.test/api'),
      {
        from: '16:00',
        to: '17:00',
      },
    );
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ReleaseScheduledError',
      message: 'release scheduled at 2026-12-02T16:00:00.000Z',
      outcome: 'not-sent',
      at: '2026-12-02T16:00:00.000Z',
      endpoint: 'https://console.zenlayer.test/api',
      window: { from: '16:00', to: '17:00' },
    });
  });
});

describe('ZenlayerBatchError message: only the parts that happened', () => {
  it('refusals only', () => {
    const e = new ZenlayerBatchError({ released: [], failed: [{ ids: ['i-1'], error: refused }], total: 2 });
    expect(e.message).toBe(
      messages.batch([messages.batchFailed('1 of 2 batches', '1 instance', 'i-1')], [refused.message]),
    );
    expect(e.outcome).toBe('refused');
  });

  it('counts batches: entries of one split batch once, entries without a batch index each', () => {
    const split = new ZenlayerBatchError({
      released: [],
      failed: [
        { ids: ['i-1'], error: refused, batch: 1 },
        { ids: ['i-2'], error: refused, batch: 1 },
      ],
      total: 3,
    });
    expect(split.message).toBe(
      messages.batch(
        [messages.batchFailed('1 of 3 batches', '2 instances', 'i-1, i-2')],
        [refused.message, refused.message],
      ),
    );
    const unindexed = new ZenlayerBatchError({
      released: [],
      failed: [
        { ids: ['i-1'], error: refused },
        { ids: ['i-2'], error: refused },
      ],
      total: 3,
    });
    expect(unindexed.message).toContain(messages.batchFailed('2 of 3 batches', '2 instances', 'i-1, i-2'));
  });

  it('unknown only', () => {
    const e = new ZenlayerBatchError({
      released: [],
      failed: [],
      unknown: [{ ids: ['i-2'], error: timedOut }],
      total: 1,
    });
    expect(e.message).toBe(
      messages.batch([messages.batchUnknown('1 of 1 batch', '1 instance', 'i-2')], [timedOut.message]),
    );
    expect(e.outcome).toBe('unknown');
  });

  it('stopped only: names the stop reason, and keeps it as the cause', () => {
    const reason = new Error('SIGINT');
    const e = new ZenlayerBatchError({ released: [], failed: [], notSent: ['i-3', 'i-4'], total: 1 }, reason);
    expect(e.message).toBe(messages.batch([messages.batchNotSent('2 instances', 'i-3, i-4', 'SIGINT')]));
    expect(e.outcome).toBe('not-sent');
    expect(e.cause).toBe(reason);
  });

  it('not stopped: no cause at all, so a printed error shows none', () => {
    const e = new ZenlayerBatchError({ released: [], failed: [{ ids: ['i-1'], error: refused }], total: 1 });
    expect(Object.hasOwn(e, 'cause')).toBe(false);
    expect(inspect(e)).not.toContain('[cause]');
  });
});

describe('errors as data', () => {
  const setup = signedClientSetup(() => undefined);

  it('a ZenlayerApiError serialises to JSON with its message and facts', async () => {
    const { zc } = await setup(() => zenlayerError(404, 'INVALID_INSTANCE_NOT_FOUND', 'T-7'));
    const error = await zc.releaseDisk('disk-1').catch((e: unknown) => e);
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ZenlayerApiError',
      outcome: 'refused',
      message: messages.zenlayerRefusal(
        'ReleaseDisk disk-1',
        404,
        'INVALID_INSTANCE_NOT_FOUND',
        'INVALID_INSTANCE_NOT_FOUND happened',
        'T-7',
      ),
      action: 'ReleaseDisk',
      resourceIds: ['disk-1'],
      status: 404,
      code: 'INVALID_INSTANCE_NOT_FOUND',
      requestId: 'T-7',
      apiMessage: 'INVALID_INSTANCE_NOT_FOUND happened',
    });
  });

  it('names a batch of instances by its first, second and last ids', async () => {
    const { zc } = await setup(() => zenlayerError(403, 'OPERATION_DENIED_INSTANCE_NOT_RECYCLED', 'T-9'));
    const error = (await zc.releaseInstances(['a', 'b', 'c', 'd']).catch((e: unknown) => e)) as ZenlayerBatchError;
    expect(error.failed[0]!.error.message).toBe(
      messages.zenlayerRefusal(
        'ReleaseInstances a, b … d (4 ids)',
        403,
        'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
        'OPERATION_DENIED_INSTANCE_NOT_RECYCLED happened',
        'T-9',
      ),
    );
  });

  it('an empty error body still gives a ZenlayerApiError', async () => {
    const { zc } = await setup(() => ({ status: 500 }));
    await expect(zc.releaseDisk('disk-1')).rejects.toMatchObject({
      name: 'ZenlayerApiError',
      status: 500,
      code: undefined,
      requestId: undefined,
    });
  });
});
