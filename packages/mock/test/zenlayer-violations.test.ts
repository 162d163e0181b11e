// What a Zenlayer client reads when the spec refuses its request: 400, the INVALID_PARAMETER_*
// (or MISSING_PARAMETER) code for the rule broken, and a message naming the field as the client
// wrote it (instanceIds[1], X-ZC-SDK-Lang) and the limit, in the spec's words.
import { describe, expect, it } from 'vitest';
import { nowSeconds, signedHeaders, start } from './support/mocks.js';

const SERVICE: Record<string, string> = {
  ReleaseInstances: 'vm',
  DescribeInstances: 'vm',
  ReleaseDisk: 'zec',
  DestroyPort: 'sdn',
};

/** One action over HTTP; a string body is sent as it is, anything else as JSON. */
async function call(action: string, body: unknown, headers: Record<string, string> = {}) {
  const mock = await start({ api: 'zenlayer' });
  const response = await fetch(`${mock.url}/api/v2/${SERVICE[action]}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer t', 'x-zc-action': action, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const refusal = (code: string, message: string) => ({
  status: 400,
  body: { requestId: expect.stringMatching(/^T[0-9A-F-]{36}$/), code, message },
});

const disk = { diskId: 'd-1' };
const long = (n: number) => 'a'.repeat(n);

describe('a body the spec refuses', () => {
  it.each([
    ['a missing field', 'ReleaseInstances', {}, 'MISSING_PARAMETER', 'Parameter instanceIds is required.'],
    [
      'a missing field and an unknown one: the missing one is told',
      'ReleaseInstances',
      { force: true },
      'MISSING_PARAMETER',
      'Parameter instanceIds is required.',
    ],
    [
      'an unknown field',
      'ReleaseInstances',
      { instanceIds: ['i-1'], force: true },
      'INVALID_PARAMETER_VALUE',
      'Parameter force is not a parameter of ReleaseInstances.',
    ],
    [
      'an unknown field with a quote in its name',
      'DestroyPort',
      { portId: 'p-1', "port's": 'p-1' },
      'INVALID_PARAMETER_VALUE',
      "Parameter port's is not a parameter of DestroyPort.",
    ],
    [
      'an empty id',
      'ReleaseDisk',
      { diskId: '' },
      'INVALID_PARAMETER_LESS_LENGTH',
      'Parameter diskId must be at least 1 character long.',
    ],
    [
      'a number for a string',
      'ReleaseDisk',
      { diskId: 7 },
      'INVALID_PARAMETER_TYPE',
      'Parameter diskId must be a string.',
    ],
    [
      'a string for a list',
      'ReleaseInstances',
      { instanceIds: 'i-1' },
      'INVALID_PARAMETER_TYPE',
      'Parameter instanceIds must be an array.',
    ],
    [
      'an empty id inside the list',
      'ReleaseInstances',
      { instanceIds: [''] },
      'INVALID_PARAMETER_LESS_LENGTH',
      'Parameter instanceIds[0] must be at least 1 character long.',
    ],
    [
      'a number as the second id',
      'ReleaseInstances',
      { instanceIds: ['i-1', 3] },
      'INVALID_PARAMETER_TYPE',
      'Parameter instanceIds[1] must be a string.',
    ],
    [
      'a list as the twelfth id',
      'ReleaseInstances',
      { instanceIds: [...Array.from({ length: 11 }, (_, i) => `i-${i}`), ['i-11']] },
      'INVALID_PARAMETER_TYPE',
      'Parameter instanceIds[11] must be a string.',
    ],
    [
      'an empty list',
      'ReleaseInstances',
      { instanceIds: [] },
      'INVALID_PARAMETER_LESS_MINIMUM',
      'Parameter instanceIds must have at least 1 item.',
    ],
    [
      '101 ids',
      'ReleaseInstances',
      { instanceIds: Array.from({ length: 101 }, (_, i) => `i-${i}`) },
      'INVALID_PARAMETER_EXCEED_MAXIMUM',
      'Parameter instanceIds must have at most 100 items.',
    ],
    [
      'a page size of 0',
      'DescribeInstances',
      { pageSize: 0 },
      'INVALID_PARAMETER_LESS_MINIMUM',
      'Parameter pageSize must be at least 1.',
    ],
    [
      'a page size of 1001',
      'DescribeInstances',
      { pageSize: 1001 },
      'INVALID_PARAMETER_EXCEED_MAXIMUM',
      'Parameter pageSize must be at most 1000.',
    ],
    [
      'a fractional page number',
      'DescribeInstances',
      { pageNum: 1.5 },
      'INVALID_PARAMETER_TYPE',
      'Parameter pageNum must be an integer.',
    ],
  ] as const)('%s', async (_, action, body, code, message) => {
    expect(await call(action, body)).toEqual(refusal(code, message));
  });
});

describe('a header the spec refuses, named as the spec and the SDKs spell it', () => {
  it.each([
    [
      'a version that is not a date',
      { 'x-zc-version': '2024/01/01' },
      'INVALID_PARAMETER_DATE_FORMAT_ERROR',
      'Parameter X-ZC-Version must be a date (yyyy-MM-dd).',
    ],
    [
      'a timestamp that is not digits (a pattern, not a date)',
      { 'x-zc-timestamp': 'now' },
      'INVALID_PARAMETER_PATTERN_ERROR',
      'Parameter X-ZC-Timestamp does not match the pattern ^[0-9]{1,12}$.',
    ],
    [
      'a client name with a slash',
      { 'x-zc-request-client': 'tool/1' },
      'INVALID_PARAMETER_PATTERN_ERROR',
      'Parameter X-ZC-Request-Client does not match the pattern ^[0-9a-zA-Z\\-_ ,;.]+$.',
    ],
    [
      'an SDK language of 65 characters',
      { 'x-zc-sdk-lang': long(65) },
      'INVALID_PARAMETER_EXCEED_LENGTH',
      'Parameter X-ZC-SDK-Lang must be at most 64 characters long.',
    ],
    [
      'an SDK version of 65 characters',
      { 'x-zc-sdk-version': long(65) },
      'INVALID_PARAMETER_EXCEED_LENGTH',
      'Parameter X-ZC-SDK-Version must be at most 64 characters long.',
    ],
    [
      'an unknown service',
      { 'x-zc-service': 'cdn' },
      'INVALID_PARAMETER_VALUE',
      'Parameter X-ZC-Service must be equal to one of the allowed values: vm, zec, sdn.',
    ],
    [
      'an unknown signature method',
      { 'x-zc-signature-method': 'HMAC-SHA1' },
      'INVALID_PARAMETER_VALUE',
      'Parameter X-ZC-Signature-Method must be equal to one of the allowed values: ZC2-HMAC-SHA256.',
    ],
  ] as const)('%s', async (_, headers, code, message) => {
    expect(await call('ReleaseDisk', disk, headers)).toEqual(refusal(code, message));
  });

  it('at the limit, 64 characters and a client name of every allowed kind, the request is served', async () => {
    const { status } = await call('ReleaseDisk', disk, {
      'x-zc-sdk-lang': long(64),
      'x-zc-request-client': 'a-Z_0 ,;.',
      'x-zc-version': '2024-04-01',
    });
    expect(status).toBe(200);
  });
});

describe('one mock, the same request again with one part changed', () => {
  // Prism's verdict on the headers is remembered by their values, its verdict on the body never.
  it('each answer is for the request as sent: a header or a body the spec refuses, between two it accepts', async () => {
    const mock = await start({ api: 'zenlayer' });
    const status = async (body: unknown, headers: Record<string, string> = {}) =>
      (
        await fetch(`${mock.url}/api/v2/zec`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: 'Bearer t',
            'x-zc-action': 'ReleaseDisk',
            ...headers,
          },
          body: JSON.stringify(body),
        })
      ).status;
    const statuses = [];
    for (const [body, headers] of [
      [disk, { 'x-zc-sdk-lang': 'go' }],
      [disk, { 'x-zc-sdk-lang': long(65) }],
      [disk, { 'x-zc-sdk-lang': 'go' }],
      [{ diskId: '' }, { 'x-zc-sdk-lang': 'go' }],
      [{ diskId: 'd-2' }, { 'x-zc-sdk-lang': 'go' }],
    ] as const)
      statuses.push(await status(body, headers));
    expect(statuses).toEqual([200, 400, 200, 400, 200]);
  });
});

describe('a Content-Type other than JSON, refused before the spec is consulted', () => {
  it.each([
    ['text/plain', 'text/plain'],
    [undefined, 'none'],
  ])('%s: 400, naming it', async (type, named) => {
    const mock = await start({ api: 'zenlayer' });
    const { 'content-type': _, ...unsigned } = signedHeaders(nowSeconds());
    const response = await fetch(`${mock.url}/api/v2/vm`, {
      method: 'POST',
      headers: { 'x-zc-action': 'ReleaseInstances', ...unsigned, ...(type && { 'content-type': type }) },
      // Bytes, so that fetch adds no Content-Type of its own.
      body: new TextEncoder().encode('{"instanceIds":["i-1"]}'),
    });
    expect({ status: response.status, body: await response.json() }).toEqual(
      refusal('INVALID_PARAMETER_VALUE', `Content-Type must be application/json (got ${named}).`),
    );
  });
});

// Empty, null, list bodies and the size limit: journal-lines.test.ts.
describe('a body that is no JSON object, refused before the spec is consulted', () => {
  const reasonOf = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${text} parses`);
  };

  it.each([
    [
      'cut short',
      '{"diskId":',
      'INVALID_PARAMETER_VALUE',
      `Request body is not valid JSON: ${reasonOf('{"diskId":')}.`,
    ],
    ['a string', '"d-1"', 'INVALID_PARAMETER_TYPE', 'Request body must be a JSON object (got string).'],
    ['a number', '7', 'INVALID_PARAMETER_TYPE', 'Request body must be a JSON object (got number).'],
  ] as const)('%s', async (_, body, code, message) => {
    expect(await call('ReleaseDisk', body)).toEqual(refusal(code, message));
  });
});
