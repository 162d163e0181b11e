// Every Zenlayer answer as a client and a log reader see it: a fresh request id (twice in a
// success envelope, never the spec example's), JSON, and a log line naming the action, the status
// and what was answered (the code, the example asked for, or "accepted").
import { describe, expect, it } from 'vitest';
import type { Answerer } from '../src/pipeline.js';
import { nowSeconds, sign, signedHeaders, start } from './support/mocks.js';

const SERVICE: Record<string, string> = { ReleaseDisk: 'zec', DescribeInstances: 'vm' };

async function logged(options: { answerer?: Answerer; credentials?: Record<string, string> } = {}) {
  const lines: string[] = [];
  const mock = await start({ api: 'zenlayer', ...options, log: (line) => lines.push(line) });
  const call = async (action: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => {
    const response = await fetch(`${mock.url}/api/v2/${SERVICE[action]}`, {
      method: init.method ?? 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer t',
        'x-zc-action': action,
        ...init.headers,
      },
      ...(init.method === undefined && { body: init.body ?? '{"diskId":"d-1"}' }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  return { mock, lines, call };
}

const line = (rest: string) => new RegExp(`^zenlayer ${rest.replace(/[/]/g, '\\/')} \\d+\\.\\dms$`);
const ID = /^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;
const EXAMPLE_ID = 'T3811A0E7-C250-40A2-96AD-08AD759E1BC2';

describe('Zenlayer answers and their log lines', () => {
  it('a success: one fresh id, in the envelope and in its response, and "accepted"', async () => {
    const { lines, call } = await logged();
    const first = await call('ReleaseDisk', {});
    const second = await call('ReleaseDisk', {});
    expect(first).toEqual({
      status: 200,
      type: 'application/json',
      body: { requestId: expect.stringMatching(ID), response: { requestId: first.body.requestId } },
    });
    expect([first.body.requestId, second.body.requestId]).not.toContain(EXAMPLE_ID);
    expect(second.body.requestId).not.toBe(first.body.requestId);
    expect(lines[0]).toMatch(line('POST /api/v2/zec ReleaseDisk -> 200 accepted'));
  });

  it('a documented error: its code in the log, and no response in the envelope', async () => {
    const { lines, call } = await logged();
    const answer = await call('ReleaseDisk', { headers: { prefer: 'code=404' } });
    expect(answer).toEqual({
      status: 404,
      type: 'application/json',
      body: { requestId: expect.stringMatching(ID), code: 'INVALID_DISK_NOT_FOUND', message: 'Disk does not exist.' },
    });
    expect(answer.body.requestId).not.toMatch(/^T3811A0E7-/);
    expect(lines).toEqual([expect.stringMatching(line('POST /api/v2/zec ReleaseDisk -> 404 INVALID_DISK_NOT_FOUND'))]);
  });

  it('an example asked for by name: the name in the log', async () => {
    const { lines, call } = await logged();
    const answer = await call('DescribeInstances', { headers: { prefer: 'example=none' }, body: '{}' });
    expect(answer.status).toBe(200);
    expect(answer.body.requestId).toMatch(ID);
    expect(lines).toEqual([expect.stringMatching(line('POST /api/v2/vm DescribeInstances -> 200 none'))]);
  });

  it('a refusal before routing: no action in the log; a wrong method on a served action names it', async () => {
    const { lines, call } = await logged();
    expect((await call('ReleaseDisk', { method: 'GET' })).status).toBe(400);
    expect((await call('ReleaseDisk', { method: 'GET', headers: { 'x-zc-action': 'ReleaseInstances' } })).status).toBe(
      400,
    );
    expect(lines).toEqual([
      expect.stringMatching(line('GET /api/v2/zec ReleaseDisk -> 400 INVALID_PARAMETER_VALUE')),
      expect.stringMatching(line('GET /api/v2/zec - -> 400 INVALID_PARAMETER_VALUE')),
    ]);
  });

  it('a failure of the mock itself: Zenlayer’s 500 envelope, "mock failure" in the log', async () => {
    const { lines, call } = await logged({
      answerer: async () => {
        throw new Error('state engine exploded');
      },
    });
    expect(await call('ReleaseDisk', {})).toEqual({
      status: 500,
      type: 'application/json',
      body: {
        requestId: expect.stringMatching(ID),
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Mock failure: state engine exploded',
      },
    });
    expect(lines).toEqual([expect.stringMatching(line('POST /api/v2/zec - -> 500 mock failure'))]);
  });
});

describe('a body too large to read, with credentials', () => {
  it('is refused for its size, not as a signature that does not match', async () => {
    const { mock, call } = await logged({ credentials: { AK1: 'pw' } });
    const body = `{"diskId":"d-1"}${' '.repeat(1024 * 1024)}`;
    const ts = nowSeconds();
    const headers = signedHeaders(ts, sign(body, new URL(mock.url).host, ts, 'pw'));
    expect(await call('ReleaseDisk', { headers, body })).toEqual({
      status: 400,
      type: 'application/json',
      body: {
        requestId: expect.stringMatching(ID),
        code: 'INVALID_PARAMETER_EXCEED_LENGTH',
        message: 'Request body is 1048592 bytes; the limit is 1048576 bytes.',
      },
    });
  });
});
