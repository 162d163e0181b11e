// What createZenlayerClient refuses, and what it does when an option is left out: each refusal
// is a ValidationError naming the option and its rule (nothing can be sent), each default is
// what reaches the wire. Complements "options are checked at construction" in zenlayer-wire.
import { describe, expect, it } from 'vitest';
import { createZenlayerClient, ValidationError, type ZenlayerClientOptions } from '../src/index.js';
import { captureFetch } from './support/capture-fetch.js';

function refusal(options: unknown): ValidationError {
  try {
    createZenlayerClient(options as ZenlayerClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('createZenlayerClient accepted the options');
}
const keys = { accessKeyId: 'AK-1', accessKeyPassword: 'pw' };

describe('credentials', () => {
  it.each([
    [
      'no options at all',
      undefined,
      'accessKeyId',
      'an access key or a bearer token',
      'createZenlayerClient: credentials missing: give either accessKeyId + accessKeyPassword or bearerToken',
    ],
    [
      'a password and a bearer token',
      { accessKeyPassword: 'pw', bearerToken: 't' },
      'bearerToken',
      'either an access key or a bearer token',
      'createZenlayerClient: give either accessKeyId + accessKeyPassword or bearerToken, not both',
    ],
    [
      'a password without its id',
      { accessKeyPassword: 'pw' },
      'accessKeyId',
      'a non-empty string',
      'accessKeyId must be a non-empty string (give accessKeyId + accessKeyPassword, or bearerToken instead)',
    ],
    [
      'a blank access key id',
      { accessKeyId: '  ', accessKeyPassword: 'pw' },
      'accessKeyId',
      'a non-empty string',
      'accessKeyId must be a non-empty string (give accessKeyId + accessKeyPassword, or bearerToken instead)',
    ],
    [
      'an empty password',
      { accessKeyId: 'AK-1', accessKeyPassword: '' },
      'accessKeyPassword',
      'a non-empty string',
      'accessKeyPassword must be a non-empty string (give accessKeyId + accessKeyPassword, or bearerToken instead)',
    ],
    [
      'a bearer token that is not a string',
      { bearerToken: 42 },
      'bearerToken',
      'a non-empty string',
      'bearerToken must be a non-empty string',
    ],
  ])('%s: refused, naming the option', (_, options, field, limit, message) => {
    const error = refusal(options);
    expect(error).toMatchObject({ field, limit, outcome: 'not-sent' });
    expect(error.message).toBe(message);
  });
});

describe('apiVersions', () => {
  it.each([
    ['a date in an array', ['2026-04-01'], '["2026-04-01"]'],
    ['a number', 20260401, '20260401'],
    ['a date with a time', '2026-04-01T00:00', '"2026-04-01T00:00"'],
    ['a date after a prefix', 'v2026-04-01', '"v2026-04-01"'],
  ])('%s is refused, naming the service', (_, version, shown) => {
    const error = refusal({ ...keys, apiVersions: { zec: version } });
    expect(error).toMatchObject({ field: 'apiVersions.zec', limit: 'a YYYY-MM-DD date' });
    expect(error.message).toBe(`apiVersions.zec must be a YYYY-MM-DD date (got ${shown})`);
  });
});

describe('numbers', () => {
  it.each([
    [{ maxResponseBytes: 0 }, 'maxResponseBytes', 'an integer ≥ 1', 'maxResponseBytes must be an integer ≥ 1 (got 0)'],
    [
      { timeoutMs: 0 },
      'timeoutMs',
      'a number of milliseconds ≥ 1',
      'timeoutMs must be a number of milliseconds ≥ 1 (got 0)',
    ],
    [{ concurrency: 1.5 }, 'concurrency', 'an integer ≥ 1', 'concurrency must be an integer ≥ 1 (got 1.5)'],
  ])('%j is refused, naming the option and its limit', (extra, field, limit, message) => {
    const error = refusal({ ...keys, ...extra });
    expect(error).toMatchObject({ field, limit });
    expect(error.message).toBe(message);
  });

  it('the smallest allowed values are accepted', () => {
    expect(() => createZenlayerClient({ ...keys, maxResponseBytes: 1, timeoutMs: 1, concurrency: 1 })).not.toThrow();
  });
});

describe('defaults, as the wire shows them', () => {
  it('without baseUrl or now: the public API, stamped with the current time', async () => {
    const { calls, fetch } = captureFetch();
    const zc = createZenlayerClient({ ...keys, fetch });
    const before = Math.floor(Date.now() / 1000);
    await zc.releaseDisk('disk-1');
    const after = Math.floor(Date.now() / 1000);
    expect(calls.map((c) => c.url)).toEqual(['https://console.zenlayer.com/api/v2/zec']);
    const stamp = Number(calls[0]!.headers['x-zc-timestamp']);
    expect(stamp).toBeGreaterThanOrEqual(before);
    expect(stamp).toBeLessThanOrEqual(after);
    expect(String(zc)).toContain('"baseUrl":"https://console.zenlayer.com"');
  });

  it('each service sends its default X-ZC-Version unless overridden, the others unchanged', async () => {
    const { calls, fetch } = captureFetch();
    const zc = createZenlayerClient({ ...keys, fetch, apiVersions: { zec: '2026-01-01' } });
    await zc.releaseInstances(['i-1']);
    await zc.releaseDisk('disk-1');
    await zc.destroyPort('port-1');
    expect(calls.map((c) => [c.headers['x-zc-service'], c.headers['x-zc-version']])).toEqual([
      ['vm', '2023-03-13'],
      ['zec', '2026-01-01'],
      ['sdn', '2023-08-30'],
    ]);
  });
});
