// What the clients refuse at construction, and what they do when an option is left out: each
// refusal is a ValidationError naming the option and its rule (nothing can be sent) — numbers
// at the edges of their limits, a base URL that is not an http(s) string or carries
// credentials, credentials missing or ambiguous — and each default is what reaches the wire.
import { describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  ValidationError,
  type ZenlayerClientOptions,
} from '../src/index.js';
import { captureFetch } from './support/capture-fetch.js';
import type { CaptureServer } from './support/capture-server.js';
import { messages } from './support/messages.js';
import { refusedRow } from './support/refused-row.js';
import { both, releaseCall } from './support/release-call.js';
import { signedClientSetup, WIRE } from './support/signed-client.js';

/** The ValidationError `make` throws; a test fails when nothing is thrown. */
function refusalOf(make: () => unknown): ValidationError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  throw new Error('nothing was refused');
}
const refusal = (options: unknown) => refusalOf(() => createZenlayerClient(options as ZenlayerClientOptions));
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

  it('an id without its password, an empty object, a blank bearer token: each names its option', () => {
    expect(refusal({ accessKeyId: 'a' })).toMatchObject({ field: 'accessKeyPassword', outcome: 'not-sent' });
    expect(refusal({})).toMatchObject({ field: 'accessKeyId', limit: 'an access key or a bearer token' });
    expect(refusal({ bearerToken: ' ' })).toMatchObject({ field: 'bearerToken', limit: 'a non-empty string' });
    expect(refusal({ accessKeyId: 'a', accessKeyPassword: 'b', bearerToken: 'c' })).toMatchObject({
      field: 'bearerToken',
    });
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
    expect(error.message).toBe(messages.refused('apiVersions.zec', 'be a YYYY-MM-DD date', shown));
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

describe('numbers: the field, the limit and the value given', () => {
  const atLeast1 = 'an integer ≥ 1';
  const ms = 'a number of milliseconds ≥ 1';
  it.each([
    refusedRow({ maxResponseBytes: 0 }, 'maxResponseBytes', atLeast1, '0'),
    refusedRow({ concurrency: 0 }, 'concurrency', atLeast1, '0'),
    refusedRow({ concurrency: 1.5 }, 'concurrency', atLeast1, '1.5'),
    refusedRow({ concurrency: '4' }, 'concurrency', atLeast1, '"4"'),
    refusedRow({ retry: { retries: -1 } }, 'retry.retries', 'an integer ≥ 0', '-1'),
    refusedRow({ timeoutMs: 0 }, 'timeoutMs', ms, '0'),
    refusedRow({ timeoutMs: 0.5 }, 'timeoutMs', ms, '0.5'),
    refusedRow({ timeoutMs: '100' }, 'timeoutMs', ms, '"100"'),
    refusedRow({ timeoutMs: Number.NaN }, 'timeoutMs', ms, 'NaN'),
  ])('%j: %s, %s', (extra, field, limit, message) => {
    const error = refusalOf(() => createZenlayerClient({ bearerToken: 't', ...extra } as never));
    expect(error).toMatchObject({ field, limit, message, outcome: 'not-sent' });
  });

  it.each([
    [{ maxResponseBytes: 1 }],
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
    const error = refusalOf(() => createNeutronClient({ baseUrl: baseUrl as string, token: 'tok' }));
    expect(error).toMatchObject({ field: 'baseUrl', limit: 'an http(s) URL' });
    expect(error.message).toBe(messages.refused('baseUrl', 'be an absolute http(s) URL', got));
  });

  it.each([
    'http://admin@neutron.test:9696',
    'http://:hunter2@neutron.test:9696',
    'https://admin:hunter2@neutron.test:9696',
  ])('%s: credentials in either part are refused, and not echoed', (baseUrl) => {
    const error = refusalOf(() => createNeutronClient({ baseUrl, token: 'tok' }));
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

describe('options are checked at construction', () => {
  const { PASSWORD } = WIRE;
  let server: CaptureServer;
  const setup = signedClientSetup((s) => {
    server = s;
  });

  const base = { accessKeyId: 'AK-1', accessKeyPassword: PASSWORD };
  it.each([
    [{ concurrency: 0 }, messages.refused('concurrency', 'be an integer ≥ 1', '0')],
    [{ concurrency: Number.NaN }, messages.refused('concurrency', 'be an integer ≥ 1', 'NaN')],
    [{ timeoutMs: -5 }, messages.refused('timeoutMs', 'be a number of milliseconds ≥ 1', '-5')],
    [{ retry: { retries: -1 } }, messages.refused('retry.retries', 'be an integer ≥ 0', '-1')],
    [{ retry: { baseDelayMs: Number.POSITIVE_INFINITY } }, /retry.baseDelayMs must be a number of milliseconds/],
    [{ apiVersions: { vm: 'latest' } }, messages.refused('apiVersions.vm', 'be a YYYY-MM-DD date', '"latest"')],
    [
      { baseUrl: 'console.zenlayer.com' },
      messages.refused('baseUrl', 'be an absolute http(s) URL', '"console.zenlayer.com"'),
    ],
  ])('%j is refused with a ValidationError', (extra, message) => {
    expect(() => createZenlayerClient({ ...base, ...extra } as ZenlayerClientOptions)).toThrow(ValidationError);
    expect(() => createZenlayerClient({ ...base, ...extra } as ZenlayerClientOptions)).toThrow(message);
  });

  it('a bad per-call concurrency sends nothing', async () => {
    const { zc } = await setup();
    await expect(zc.releaseInstances(['i-1'], { concurrency: 0 })).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });
});

describe('credentials in a base URL', () => {
  const clients = releaseCall;

  it.each(both)('%s: are refused with a ValidationError that does not echo them', (client) => {
    for (const url of ['http://admin:hunter2@127.0.0.1:9', 'http://hunter2@127.0.0.1:9', 'http//admin:hunter2@x']) {
      const error = (() => {
        try {
          clients[client](url);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ValidationError);
      expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain('hunter2');
    }
  });
});

describe('Neutron: construction refuses what could never authenticate', () => {
  it.each([
    ['a blank token', '   '],
    ['a token that is not a string', 42],
  ])('%s: ValidationError naming the token, nothing sent', (_, token) => {
    let error: unknown;
    try {
      createNeutronClient({ baseUrl: 'http://neutron.test', token: token as string });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'token', limit: 'a non-empty string', outcome: 'not-sent' });
    expect((error as Error).message).toBe('token must be a non-empty Keystone token');
  });

  it('no options at all: a ValidationError naming baseUrl, not a TypeError', () => {
    expect(() => createNeutronClient(undefined as never)).toThrow(ValidationError);
  });
});
