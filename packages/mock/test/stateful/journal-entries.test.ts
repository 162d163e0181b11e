// Whole journal lines, as a consumer's test compares them (mock.requests() is also what
// GET /__mock/requests returns): each field for Zenlayer and Neutron answers, successes and
// errors, routed or not, the validation verdict (`valid`, and on an invalid line its `finding`),
// and a `fault` field only on a line a queued fault made.
import { describe, expect, it } from 'vitest';
import { control, neutron, REQUEST_ID, statefulInProcess, zenlayer } from './support.js';

const TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
const PORT_ID = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const NEUTRON_REQUEST_ID = /^req-[0-9a-f-]{36}$/;

describe('a Zenlayer line', () => {
  it('a success: the singular *Id field’s id, no code, the body’s request id, valid, and no finding or fault field', async () => {
    const mock = await statefulInProcess({
      api: 'zenlayer',
      seed: { resources: [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }] },
      transitionMs: 0,
    });
    const answer = await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1' });
    expect(answer.status).toBe(200);
    const line = {
      time: TIME,
      method: 'POST',
      path: '/api/v2/zec',
      operation: 'ReleaseDisk',
      ids: ['d-1'],
      status: 200,
      code: null,
      requestId: answer.body.requestId,
      valid: true,
    };
    expect(mock.requests()).toStrictEqual([line]);
    expect((await control(mock, 'GET', 'requests')).body.requests).toEqual([line]);
  });

  it('a request that fails validation: its operation, no ids, the error’s code, valid false and the spec’s keyword and field; one no operation takes: operation null, refused at the route', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const answer = await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1', portIds: ['p-1', 'p-2'] });
    await mock(`${mock.url}/nowhere`);
    expect(mock.requests()).toStrictEqual([
      {
        time: TIME,
        method: 'POST',
        path: '/api/v2/zec',
        operation: 'ReleaseDisk',
        ids: [],
        status: 400,
        code: answer.body.code,
        requestId: answer.body.requestId,
        valid: false,
        finding: { stage: 'validation', keyword: 'additionalProperties', field: 'portIds' },
      },
      {
        time: TIME,
        method: 'GET',
        path: '/nowhere',
        operation: null,
        ids: [],
        status: 400,
        code: 'INVALID_PARAMETER_VALUE',
        requestId: expect.stringMatching(REQUEST_ID),
        valid: false,
        finding: { stage: 'route' },
      },
    ]);
    expect(answer.body.code).toMatch(/^[A-Z_]+$/);
  });

  it('a body that is a JSON string or number names no ids', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    for (const body of ['"instanceIds"', '5'])
      await mock(`${mock.url}/api/v2/vm`, {
        method: 'POST',
        headers: { authorization: 'Bearer t', 'x-zc-action': 'ReleaseInstances', 'content-type': 'application/json' },
        body,
      });
    expect(mock.requests().map((r) => [r.ids, r.status])).toEqual([
      [[], 400],
      [[], 400],
    ]);
  });
});

describe('a Neutron line', () => {
  it('the port id from the path, percent-decoded; the request id from its header; Keystone’s 401 by its title', async () => {
    const mock = await statefulInProcess({ api: 'neutron', projects: { 'token-a': 'p-1' } });
    const path = `/v2.0/ports/${PORT_ID.slice(0, -1)}%31`;
    const refused = await neutron(mock, 'DELETE', path, { 'x-auth-token': 'token-b' });
    const deleted = await neutron(mock, 'DELETE', path);
    const unrouted = await neutron(mock, 'GET', '/v2.0/networks');
    // The 401 is the rules' (an unmapped token), after validation passed: a valid request.
    const line = { time: TIME, method: 'DELETE', path, operation: 'DeletePort', ids: [PORT_ID], valid: true };
    expect(mock.requests()).toStrictEqual([
      { ...line, status: 401, code: 'Unauthorized', requestId: refused.headers.get('x-openstack-request-id') },
      { ...line, status: 204, code: null, requestId: deleted.headers.get('x-openstack-request-id') },
      {
        time: TIME,
        method: 'GET',
        path: '/v2.0/networks',
        operation: null,
        ids: [],
        status: 404,
        code: 'HTTPNotFound',
        requestId: unrouted.headers.get('x-openstack-request-id'),
        valid: false,
        finding: { stage: 'route' },
      },
    ]);
    expect(mock.requests().map((r) => r.requestId)).toEqual([
      expect.stringMatching(NEUTRON_REQUEST_ID),
      expect.stringMatching(NEUTRON_REQUEST_ID),
      expect.stringMatching(NEUTRON_REQUEST_ID),
    ]);
  });
});

describe('a line a fault made', () => {
  it('has `fault` set to its kind (a delay with its ms); a dropped one no status and no request id (none was sent)', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    mock.fault(
      { operation: 'ShowPort', status: 404, type: 'PortNotFound' },
      { operation: 'ListPorts', latencyMs: 0 },
      { operation: 'DeletePort', drop: true },
    );
    const shown = await neutron(mock, 'GET', `/v2.0/ports/${PORT_ID}`);
    const listed = await neutron(mock, 'GET', '/v2.0/ports');
    await expect(neutron(mock, 'DELETE', `/v2.0/ports/${PORT_ID}`)).rejects.toThrow(/fetch failed/);
    expect(mock.requests()).toStrictEqual([
      {
        time: TIME,
        method: 'GET',
        path: `/v2.0/ports/${PORT_ID}`,
        operation: 'ShowPort',
        ids: [PORT_ID],
        status: 404,
        code: 'PortNotFound',
        requestId: shown.headers.get('x-openstack-request-id'),
        valid: true,
        fault: 'status',
      },
      {
        time: TIME,
        method: 'GET',
        path: '/v2.0/ports',
        operation: 'ListPorts',
        ids: [],
        status: 200,
        code: null,
        requestId: listed.headers.get('x-openstack-request-id'),
        valid: true,
        fault: 'latency',
        delayMs: 0,
      },
      {
        time: TIME,
        method: 'DELETE',
        path: `/v2.0/ports/${PORT_ID}`,
        operation: 'DeletePort',
        ids: [PORT_ID],
        status: null,
        code: 'dropped',
        requestId: null,
        valid: true,
        fault: 'drop',
      },
    ]);
  });
});

describe('the validation verdict', () => {
  it('says where a request was refused: the route, the credentials, or validation with the spec’s keyword and field', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', bearerTokens: ['t'] });
    await mock(`${mock.url}/api/v2/vm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-zc-action': 'ReleaseInstances' },
      body: '{"instanceIds":["i-1"]}',
    });
    await zenlayer(mock, 'ReleaseInstances', { instanceIds: 'i-1' });
    await zenlayer(mock, 'ReleaseInstances', {});
    await mock(`${mock.url}/api/v2/vm`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: 'Bearer t', 'x-zc-action': 'ReleaseInstances' },
      body: '{}',
    });
    await zenlayer(mock, 'NoSuchAction', {});
    await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1'] });
    expect(mock.requests().map((r) => [r.status, r.valid, r.finding ?? null])).toEqual([
      [401, false, { stage: 'credentials' }],
      [400, false, { stage: 'validation', keyword: 'type', field: 'instanceIds' }],
      [400, false, { stage: 'validation', keyword: 'required', field: 'instanceIds' }],
      // The provider's own checks before the spec's (the content type): the stage alone.
      [400, false, { stage: 'validation' }],
      [400, false, { stage: 'route' }],
      [200, true, null],
    ]);
  });

  it('Neutron: a query parameter and a header the spec refuses, named as the spec spells them', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    await neutron(mock, 'GET', '/v2.0/ports?name=a&name=b');
    await neutron(mock, 'DELETE', `/v2.0/ports/${PORT_ID}`, { 'if-match': 'a b' });
    await neutron(mock, 'DELETE', `/v2.0/ports/${PORT_ID}`, { 'x-auth-token': '' });
    expect(mock.requests().map((r) => [r.operation, r.status, r.valid, r.finding])).toEqual([
      ['ListPorts', 400, false, { stage: 'validation', keyword: 'type', field: 'name' }],
      ['DeletePort', 400, false, { stage: 'validation', keyword: 'pattern', field: 'If-Match' }],
      ['DeletePort', 401, false, { stage: 'credentials' }],
    ]);
  });

  it('is bounded: a field named by the request is cut at 256 characters like ids and paths', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const name = `x${'y'.repeat(1000)}`;
    await zenlayer(mock, 'ReleaseDisk', { diskId: 'd-1', [name]: 1 });
    expect(mock.requests()[0]!.finding).toEqual({
      stage: 'validation',
      keyword: 'additionalProperties',
      field: `${name.slice(0, 256)}…`,
    });
  });
});

it('is a copy: changing a line read does not change the journal', async () => {
  const mock = await statefulInProcess({ api: 'zenlayer' });
  await zenlayer(mock, 'ReleaseInstances', { instanceIds: ['i-1'] });
  const [line] = mock.requests();
  line!.ids.push('i-2');
  line!.status = 0;
  expect(mock.requests()).toMatchObject([{ ids: ['i-1'], status: 200 }]);
});
