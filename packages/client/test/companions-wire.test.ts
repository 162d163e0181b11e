// The Describe reads of disks and ports on the wire (action, service, body), the subject their
// errors name, and their paging refusals as the ValidationError a caller catches (field, rule).
import { describe, expect, it } from 'vitest';
import { createZenlayerClient, ValidationError } from '../src/index.js';
import type { Reply } from './support/capture-server.js';
import { messages } from './support/messages.js';
import { serverPerTest } from './support/server-per-test.js';

const servers = serverPerTest();

async function client(reply: Reply) {
  const server = await servers.start(() => reply);
  return createZenlayerClient({ bearerToken: 't', baseUrl: server.url, retry: false });
}
const listed = { status: 200, body: { requestId: 'T-L', response: { totalCount: 0, dataSet: [] } } };

describe('DescribeDisks and DescribePorts on the wire', () => {
  it.each([
    ['describeDisks', '/api/v2/zec', 'DescribeDisks', 'zec', 'diskIds'],
    ['describePorts', '/api/v2/sdn', 'DescribePorts', 'sdn', 'portIds'],
  ] as const)('%s posts its ids and paging to %s', async (method, path, action, service, field) => {
    const zc = await client(listed);
    await expect(zc[method](['x-1', 'x-2'], { pageSize: 5, pageNum: 2 })).resolves.toEqual({
      requestId: 'T-L',
      totalCount: 0,
      dataSet: [],
    });
    expect(
      servers.server.requests.map((r) => [
        r.method,
        r.path,
        r.headers['x-zc-action'],
        r.headers['x-zc-service'],
        r.json,
      ]),
    ).toEqual([['POST', path, action, service, { [field]: ['x-1', 'x-2'], pageSize: 5, pageNum: 2 }]]);
  });

  it.each([
    ['describeDisks', 'DescribeDisks 1 disks'],
    ['describePorts', 'DescribePorts 3 ports'],
  ] as const)('%s: an answer that is not the envelope names how many it was about', async (method, head) => {
    const zc = await client({ status: 200, raw: '<html>' });
    const ids = method === 'describeDisks' ? ['d-1'] : ['p-1', 'p-2', 'p-3'];
    await expect(zc[method](ids)).rejects.toMatchObject({
      ids,
      message: messages.unexpectedAnswer(head, 200, 'the documented envelope'),
    });
  });
});

describe('refusals before sending', () => {
  it.each([
    [
      { pageSize: 1001 },
      'pageSize',
      'an integer 1..1000',
      messages.refusedUnsent('pageSize', 'be an integer 1..1000', '1001'),
    ],
    [
      { pageSize: '10' },
      'pageSize',
      'an integer 1..1000',
      messages.refusedUnsent('pageSize', 'be an integer 1..1000', '"10"'),
    ],
    [{ pageNum: 0 }, 'pageNum', 'an integer ≥ 1', messages.refusedUnsent('pageNum', 'be an integer ≥ 1', '0')],
    [
      { pageNum: Number.NaN },
      'pageNum',
      'an integer ≥ 1',
      messages.refusedUnsent('pageNum', 'be an integer ≥ 1', 'NaN'),
    ],
  ])('paging %j: the field and its rule', async (page, field, limit, message) => {
    const zc = await client(listed);
    const error = await zc.describeDisks(['d-1'], page as object).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field, limit, message, outcome: 'not-sent' });
    expect(servers.server.requests).toEqual([]);
  });

  it('101 port ids: the field and the limit of 100', async () => {
    const zc = await client(listed);
    const ids = Array.from({ length: 101 }, (_, i) => `p-${i}`);
    const error = await zc.describePorts(ids).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: 'ValidationError',
      field: 'portIds',
      limit: 'at most 100 ids',
      message: messages.refusedUnsent('portIds', 'have at most 100 ids', '101'),
    });
    expect(servers.server.requests).toEqual([]);
  });

  it('a blank id to move: the field, and nothing sent', async () => {
    const zc = await client(listed);
    await expect(zc.terminatePort(' ')).rejects.toMatchObject({ field: 'portId', limit: 'a non-empty string' });
    await expect(zc.terminateInstance('')).rejects.toMatchObject({ field: 'instanceId' });
    expect(servers.server.requests).toEqual([]);
  });
});
