// Options refused up front, as a caller reads the refusal (issue 15: survivors in
// transport/options.ts): the field and the limit each ValidationError names, the edges of each
// limit, a base URL that is not an http(s) string, and credentials in it in either part.
import { describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, ValidationError } from '../src/index.js';

function refusal(make: () => unknown): ValidationError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('nothing was refused');
}

describe('numbers: the field, the limit and the value given', () => {
  it.each([
    [{ concurrency: 0 }, 'concurrency', 'an integer ≥ 1', 'concurrency must be an integer ≥ 1 (got 0)'],
    [{ concurrency: 1.5 }, 'concurrency', 'an integer ≥ 1', 'concurrency must be an integer ≥ 1 (got 1.5)'],
    [{ concurrency: '4' }, 'concurrency', 'an integer ≥ 1', 'concurrency must be an integer ≥ 1 (got "4")'],
    [{ retry: { retries: -1 } }, 'retry.retries', 'an integer ≥ 0', 'retry.retries must be an integer ≥ 0 (got -1)'],
    [
      { timeoutMs: 0.5 },
      'timeoutMs',
      'a number of milliseconds ≥ 1',
      'timeoutMs must be a number of milliseconds ≥ 1 (got 0.5)',
    ],
    [
      { timeoutMs: '100' },
      'timeoutMs',
      'a number of milliseconds ≥ 1',
      'timeoutMs must be a number of milliseconds ≥ 1 (got "100")',
    ],
    [
      { timeoutMs: Number.NaN },
      'timeoutMs',
      'a number of milliseconds ≥ 1',
      'timeoutMs must be a number of milliseconds ≥ 1 (got NaN)',
    ],
  ])('%j: %s, %s', (extra, field, limit, message) => {
    const error = refusal(() => createZenlayerClient({ bearerToken: 't', ...extra } as never));
    expect(error).toMatchObject({ field, limit, message, outcome: 'not-sent' });
  });

  it.each([
    [{ concurrency: 1 }],
    [{ timeoutMs: 1 }],
    [{ retry: { retries: 0 } }],
    [{ retry: { baseDelayMs: 0, minDelayMs: 0, maxDelayMs: 0 } }],
  ])('%j, the limit itself, is accepted', (extra) => {
    expect(() => createZenlayerClient({ bearerToken: 't', ...extra })).not.toThrow();
  });

  it('a back-off of 0 ms retries at once', async () => {
    const delays: number[] = [];
    let calls = 0;
    const zc = createZenlayerClient({
      bearerToken: 't',
      baseUrl: 'http://zenlayer.test',
      retry: { baseDelayMs: 0, minDelayMs: 0, sleep: async (ms) => void delays.push(ms) },
      fetch: async () =>
        calls++ === 0
          ? new Response('', { status: 429 })
          : new Response(JSON.stringify({ requestId: 'T-2', response: {} }), { status: 200 }),
    });
    await expect(zc.releaseDisk('disk-1')).resolves.toEqual({ requestId: 'T-2', alreadyGone: false });
    expect(delays).toEqual([0]);
  });
});

describe('the base URL', () => {
  it.each([
    ['ftp://files.test/api', '"ftp://files.test/api"'],
    ['ftp://user:hunter2@files.test/', '"ftp://***@files.test/"'],
    // A scheme URL parsing does not know needs no `//`; a string that is no URL may hold two.
    ['user:hunter2@files.test', '"user:***@files.test"'],
    ['http://a:hunter2@x http://b:hunter2@y', '"http://***@x http://***@y"'],
    [new URL('https://neutron.test:9696'), 'https://neutron.test:9696/'],
    [9696, '9696'],
  ])('%s is not an absolute http(s) URL string', (baseUrl, got) => {
    const error = refusal(() => createNeutronClient({ baseUrl: baseUrl as string, token: 'tok' }));
    expect(error).toMatchObject({ field: 'baseUrl', limit: 'an http(s) URL' });
    expect(error.message).toBe(`baseUrl must be an absolute http(s) URL (got ${got})`);
  });

  it.each([
    'http://admin@neutron.test:9696',
    'http://:hunter2@neutron.test:9696',
    'https://admin:hunter2@neutron.test:9696',
  ])('%s: credentials in either part are refused, and not echoed', (baseUrl) => {
    const error = refusal(() => createNeutronClient({ baseUrl, token: 'tok' }));
    const scheme = new URL(baseUrl).protocol;
    expect(error).toMatchObject({ field: 'baseUrl', limit: 'no credentials in the URL' });
    expect(error.message).toBe(
      `baseUrl must not contain credentials (user:password@); give them as the client's credential options (got ${scheme}//***@neutron.test:9696)`,
    );
  });

  it.each(['http://neutron.test:9696', 'https://neutron.test'])('%s is accepted', (baseUrl) => {
    expect(() => createNeutronClient({ baseUrl, token: 'tok' })).not.toThrow();
  });
});
