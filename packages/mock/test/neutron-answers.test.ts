// Every Neutron answer as a client and a log reader see it: a fresh X-Openstack-Request-Id under
// /v2.0 (not on the root versions document), JSON but for a 204 (no body, no content type), and a
// log line naming the operation, the status and what was answered (the error type, "deleted").
import { describe, expect, it } from 'vitest';
import type { Answerer } from '../src/pipeline.js';
import { PORT_ID, start } from './support/mocks.js';

async function logged(answerer?: Answerer) {
  const lines: string[] = [];
  const mock = await start({ api: 'neutron', ...(answerer && { answerer }), log: (line) => lines.push(line) });
  const call = async (method: string, path: string, headers: Record<string, string> = { 'x-auth-token': 't' }) => {
    const response = await fetch(`${mock.url}${path}`, { method, headers });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      requestId: response.headers.get('x-openstack-request-id'),
      body: text ? JSON.parse(text) : undefined,
    };
  };
  return { lines, call };
}

const line = (rest: string) => new RegExp(`^neutron ${rest.replace(/[/]/g, '\\/')} \\d+\\.\\dms$`);
const REQ_ID = /^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PORT_PATH = `/v2.0/ports/${PORT_ID}`;

describe('Neutron answers and their log lines', () => {
  it('a delete: 204 with no body and no content type, a request id, "deleted"', async () => {
    const { lines, call } = await logged();
    expect(await call('DELETE', PORT_PATH)).toEqual({
      status: 204,
      type: null,
      requestId: expect.stringMatching(REQ_ID),
      body: undefined,
    });
    expect(lines).toEqual([expect.stringMatching(line(`DELETE ${PORT_PATH} DeletePort -> 204 deleted`))]);
  });

  it('a show: JSON with a request id, fresh each time; the status in the log', async () => {
    const { lines, call } = await logged();
    const [first, second] = [await call('GET', PORT_PATH), await call('GET', PORT_PATH)];
    expect(first).toMatchObject({ status: 200, type: 'application/json', requestId: expect.stringMatching(REQ_ID) });
    expect(first.body.port.id).toBe(PORT_ID);
    expect(second.requestId).not.toBe(first.requestId);
    expect(lines[0]).toMatch(line(`GET ${PORT_PATH} ShowPort -> 200 200`));
  });

  it('a documented error asked for: its type in the log', async () => {
    const { lines, call } = await logged();
    const answer = await call('DELETE', PORT_PATH, { 'x-auth-token': 't', prefer: 'code=404' });
    expect(answer).toMatchObject({ status: 404, type: 'application/json', requestId: expect.stringMatching(REQ_ID) });
    expect(answer.body.NeutronError.type).toBe('PortNotFound');
    expect(lines).toEqual([expect.stringMatching(line(`DELETE ${PORT_PATH} DeletePort -> 404 PortNotFound`))]);
  });

  it('the root versions document needs no token and has no request id; /v2.0/ needs a token', async () => {
    const { lines, call } = await logged();
    const root = await call('GET', '/', {});
    expect(root).toMatchObject({ status: 200, type: 'application/json', requestId: null });
    expect(root.body.versions[0].id).toBe('v2.0');
    const resources = await call('GET', '/v2.0/', {});
    expect(resources).toMatchObject({ status: 401, requestId: expect.stringMatching(REQ_ID) });
    expect(lines).toEqual([
      expect.stringMatching(line('GET / ListApiVersions -> 200 200')),
      expect.stringMatching(line('GET /v2.0/ ListApiResources -> 401 Unauthorized')),
    ]);
  });

  it.each([
    ['no token', {}],
    ['an empty token', { 'x-auth-token': '' }],
    ['a blank token', { 'x-auth-token': '  ' }],
  ])('%s: Keystone’s 401, with a request id, the port untouched', async (_, headers) => {
    const { lines, call } = await logged();
    expect(await call('DELETE', PORT_PATH, headers)).toEqual({
      status: 401,
      type: 'application/json',
      requestId: expect.stringMatching(REQ_ID),
      body: {
        error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' },
      },
    });
    expect(lines).toEqual([expect.stringMatching(line(`DELETE ${PORT_PATH} DeletePort -> 401 Unauthorized`))]);
  });

  it('a failure of the mock itself: Neutron’s 500, "mock failure" in the log', async () => {
    const { lines, call } = await logged(async () => {
      throw new Error('state engine exploded');
    });
    expect(await call('DELETE', PORT_PATH)).toMatchObject({ status: 500, type: 'application/json' });
    expect(lines).toEqual([expect.stringMatching(line(`DELETE ${PORT_PATH} - -> 500 mock failure`))]);
  });
});
