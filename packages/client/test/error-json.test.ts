// What an error prints as JSON (the CLI's --json, a JSON log line) and what toJSON() hands a
// logger that does not stringify: the head fields first, nested errors as their own facts,
// plain data all the way down (issue 15: survivors in transport/errors.ts).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OutcomeUnknownError, RedirectError, ValidationError, ZenlayerBatchError } from '../src/index.js';
import { apiError as refused, timeout as timedOut } from './support/error-fixtures.js';

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
