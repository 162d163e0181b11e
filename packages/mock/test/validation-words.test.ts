// Validation findings in the words the spec's own examples use, one per kind of finding, with
// the code a client branches on (the length, range and type findings ReleaseInstances and
// ReleaseDisk do not reach are DescribeInstances' paging and the SDK headers).
import { describe, expect, it } from 'vitest';
import { nowSeconds, signedHeaders, start } from './support/mocks.js';

async function describeInstances(body: unknown, headers: Record<string, string> = {}) {
  const mock = await start({ api: 'zenlayer' });
  const response = await fetch(`${mock.url}/api/v2/vm`, {
    method: 'POST',
    headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': 'DescribeInstances', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { code: string; message: string } };
}

describe('Zenlayer validation messages', () => {
  for (const [name, sent, headers, code, message] of [
    [
      'a page size below 1',
      { pageSize: 0 },
      {},
      'INVALID_PARAMETER_LESS_MINIMUM',
      'Parameter pageSize must be at least 1.',
    ],
    [
      'a page size above 1000',
      { pageSize: 1001 },
      {},
      'INVALID_PARAMETER_EXCEED_MAXIMUM',
      'Parameter pageSize must be at most 1000.',
    ],
    [
      'a fractional page number',
      { pageNum: 1.5 },
      {},
      'INVALID_PARAMETER_TYPE',
      'Parameter pageNum must be an integer.',
    ],
    [
      'an SDK language of 65 characters',
      {},
      { 'x-zc-sdk-lang': 'x'.repeat(65) },
      'INVALID_PARAMETER_EXCEED_LENGTH',
      'Parameter X-ZC-SDK-Lang must be at most 64 characters long.',
    ],
    [
      'a request client with a character its pattern has not',
      {},
      { 'x-zc-request-client': 'a!b' },
      'INVALID_PARAMETER_PATTERN_ERROR',
      'Parameter X-ZC-Request-Client does not match the pattern ^[0-9a-zA-Z\\-_ ,;.]+$.',
    ],
  ] as const)
    it(`${name}: "${message}"`, async () => {
      const { status, body } = await describeInstances(sent, headers);
      expect([status, body.code, body.message]).toEqual([400, code, message]);
    });
});
