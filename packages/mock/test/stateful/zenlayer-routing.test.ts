// Zenlayer routing mistakes as a client and a journal reader see them: always a 400 envelope
// that says what is served where, never a not-found code (which a client that ignores missing
// resources would take for "already released"), and journaled under the action only when the
// action is one the path serves.
import { describe, expect, it } from 'vitest';
import { nowSeconds, signedHeaders } from '../support/mocks.js';
import { statefulInProcess } from './support.js';

async function send(method: string, path: string, action?: string) {
  const mock = await statefulInProcess({ api: 'zenlayer' });
  const response = await mock(`${mock.url}${path}`, {
    method,
    headers: { ...signedHeaders(nowSeconds()), ...(action !== undefined && { 'x-zc-action': action }) },
    ...(method !== 'GET' && { body: '{}' }),
  });
  const body = (await response.json()) as { code: string; message: string };
  return { status: response.status, body, journal: mock.requests() };
}

describe('Zenlayer routing mistakes', () => {
  // The request as `METHOD path X-ZC-Action`, and what the 400 says.
  it.each([
    [
      'POST /api/v2/nope ReleaseDisk',
      'Unknown service path /api/v2/nope; expected one of /api/v2/sdn, /api/v2/zec, /api/v2/vm.',
    ],
    [
      'POST /api/v2/zec ReleaseInstances',
      'Action ReleaseInstances is not served at /api/v2/zec; it is served at /api/v2/vm. /api/v2/zec serves ReleaseDisk, DescribeDisks.',
    ],
    ['POST /api/v2/sdn Nope', 'Unknown action Nope; /api/v2/sdn serves DestroyPort, TerminatePort, DescribePorts.'],
    ['GET /api/v2/zec ReleaseDisk', 'GET is not supported; every action is a POST.'],
  ])('%s: 400 INVALID_PARAMETER_VALUE, saying what is served', async (request, message) => {
    const [method, path, action] = request.split(' ') as [string, string, string];
    const { status, body } = await send(method, path, action);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'INVALID_PARAMETER_VALUE', message });
  });

  it.each([
    ['no', undefined],
    ['an empty', ''],
  ])('%s X-ZC-Action: 400 MISSING_PARAMETER, naming the actions the path serves', async (_, action) => {
    const { status, body } = await send('POST', '/api/v2/zec', action);
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'MISSING_PARAMETER',
      message: 'Parameter X-ZC-Action is required (one of ReleaseDisk, DescribeDisks).',
    });
  });

  it('journals a wrong method under the action when the path serves it, and under none otherwise', async () => {
    const served = await send('PUT', '/api/v2/zec', 'ReleaseDisk');
    expect(served.journal).toMatchObject([{ method: 'PUT', operation: 'ReleaseDisk', status: 400 }]);
    const unserved = await send('PUT', '/api/v2/zec', 'ReleaseInstances');
    expect(unserved.journal).toHaveLength(1);
    expect(unserved.journal[0]).toMatchObject({ method: 'PUT', status: 400 });
    expect(unserved.journal[0]!.operation ?? null).toBeNull();
  });
});
