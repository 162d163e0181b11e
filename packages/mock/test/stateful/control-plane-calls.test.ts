// Each /__mock/ call as a test script makes it: its status, its body (or none), and the 400
// problem+json it answers a wrong call with (the kind in X-Cloud-Release-Mock-Error, a title, a
// detail naming what is valid); and the log line each call writes.

import { describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../src/body.js';
import { control, statefulInProcess } from './support.js';

const ROUTES =
  'GET /__mock/resources, POST /__mock/resources, POST /__mock/reset, GET /__mock/requests, DELETE /__mock/requests, POST /__mock/requests/count, POST /__mock/requests/find, GET /__mock/control-requests, GET /__mock/faults, POST /__mock/faults, DELETE /__mock/faults, GET /__mock/clock, POST /__mock/clock, POST /__mock/resources/pin, POST /__mock/resources/unpin';
const PORT_ID = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

function expectProblem(answer: { status: number; headers: Headers; body: unknown }, kind: string) {
  expect(answer.status).toBe(400);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.headers.get('x-cloud-release-mock-error')).toBe(kind);
  expect(answer.body).toMatchObject({ type: `https://cloud-release.dev/mock-errors/${kind}` });
}

describe('the calls', () => {
  it('GET answers 200 with the list; DELETE and reset 204 with no body; POST 201 with what was added', async () => {
    const mock = await statefulInProcess({ api: 'neutron' });
    const get = await control(mock, 'GET', 'faults');
    expect([get.status, get.body, get.headers.get('content-type')]).toEqual([200, { faults: [] }, 'application/json']);
    expect(await control(mock, 'GET', 'requests')).toMatchObject({ status: 200, body: { requests: [] } });
    expect(await control(mock, 'GET', 'resources')).toMatchObject({ status: 200, body: { resources: [] } });
    const added = await control(mock, 'POST', 'resources', { resources: [{ id: PORT_ID, status: 'DOWN' }] });
    expect(added.status).toBe(201);
    expect(added.body).toEqual({
      resources: [{ type: 'port', id: PORT_ID, name: '', status: 'DOWN', device_owner: '', revision_number: 1 }],
    });
    for (const [method, path] of [
      ['DELETE', 'faults'],
      ['DELETE', 'requests'],
      ['POST', 'reset'],
    ] as const) {
      const answer = await control(mock, method, path);
      expect([answer.status, answer.body, answer.headers.get('content-type')]).toEqual([204, undefined, null]);
    }
    expect(mock.resources()).toEqual([]);
  });

  it('each DELETE clears only its own list; reset clears both and the inventory', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer', seed: { resources: [] } });
    mock.addResources([{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }]);
    await mock(`${mock.url}/nowhere`);
    mock.fault({ drop: true });
    expect((await control(mock, 'DELETE', 'faults')).status).toBe(204);
    expect([mock.faults().length, mock.requests().length, mock.resources().length]).toEqual([0, 1, 1]);
    mock.fault({ drop: true });
    expect((await control(mock, 'DELETE', 'requests')).status).toBe(204);
    expect([mock.faults().length, mock.requests().length, mock.resources().length]).toEqual([1, 0, 1]);
    await control(mock, 'DELETE', 'faults');
    await mock(`${mock.url}/nowhere`);
    mock.fault({ drop: true });
    expect([mock.faults().length, mock.requests().length, mock.resources().length]).toEqual([1, 1, 1]);
    expect((await control(mock, 'POST', 'reset')).status).toBe(204);
    expect([mock.faults().length, mock.requests().length, mock.resources().length]).toEqual([0, 0, 0]);
  });

  it('takes a path with a trailing slash as the same call', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    mock.fault({ drop: true });
    expect(await control(mock, 'GET', 'faults/')).toMatchObject({ status: 200, body: { faults: [{ kind: 'drop' }] } });
    expect((await control(mock, 'DELETE', 'faults/')).status).toBe(204);
    expect(mock.faults()).toEqual([]);
  });

  it('takes faults as { faults: [...] }, as a list, or as one fault; answers with those and the queue length only', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const first = await control(mock, 'POST', 'faults', { faults: [{ drop: true }] });
    expect(first).toMatchObject({ status: 201, body: { faults: [{ kind: 'drop', times: 1 }], queued: 1 } });
    const second = await control(mock, 'POST', 'faults', [{ latencyMs: 1 }, { latencyMs: 2 }]);
    expect(second.body).toEqual({
      faults: [
        { kind: 'latency', times: 1, latencyMs: 1 },
        { kind: 'latency', times: 1, latencyMs: 2 },
      ],
      queued: 3,
    });
    const third = await control(mock, 'POST', 'faults', { status: 500, code: 'INTERNAL_SERVER_ERROR' });
    expect(third.body).toEqual({
      faults: [{ kind: 'status', times: 1, status: 500, code: 'INTERNAL_SERVER_ERROR' }],
      queued: 4,
    });
    expect(mock.faults()).toHaveLength(4);
  });
});

describe('a wrong call', () => {
  it.each([
    ['GET', 'nope'],
    ['PUT', 'faults'],
    ['GET', 'reset'],
    ['DELETE', 'resources'],
  ])('%s /__mock/%s: control-route, listing the calls there are', async (method, path) => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const answer = await control(mock, method, path);
    expectProblem(answer, 'control-route');
    expect(answer.body).toMatchObject({
      title: 'Unknown control-plane call',
      detail: `${method} /__mock/${path} is not one of: ${ROUTES}.`,
    });
  });

  it.each(['faults', 'resources'])('POST /__mock/%s without a body, or only whitespace: control-body', async (path) => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    for (const body of [undefined, ' \n']) {
      const answer = await control(mock, 'POST', path, body);
      expectProblem(answer, 'control-body');
      expect(answer.body).toMatchObject({ title: 'Body is not JSON', detail: 'This call needs a JSON body.' });
    }
  });

  it.each(['faults', 'resources'])('POST /__mock/%s with a body that is not JSON: the parse error', async (path) => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const answer = await control(mock, 'POST', path, '{"drop": tru');
    expectProblem(answer, 'control-body');
    expect(answer.body.title).toBe('Body is not JSON');
    expect(answer.body.detail).toMatch(/^Not valid JSON: \S.*\.$/);
    expect(answer.body.detail).not.toBe('Not valid JSON: .');
  });

  it('a body over 1 MiB: not read, "Body too large"', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const answer = await control(mock, 'POST', 'faults', `{"drop":true}${' '.repeat(BODY_LIMIT_BYTES)}`);
    expectProblem(answer, 'control-body');
    expect(answer.body).toMatchObject({ title: 'Body too large', detail: 'The control body is over 1 MiB.' });
    expect(mock.faults()).toEqual([]);
  });

  it.each([
    ['{}', {}],
    ['null', null],
    ['a list', [{ type: 'disk', id: 'd-1', status: 'AVAILABLE' }]],
    ['a string', 'resources'],
  ])('POST /__mock/resources with %s: "The body must be { "resources": [ … ] }."', async (_, body) => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const answer = await control(mock, 'POST', 'resources', JSON.stringify(body));
    expectProblem(answer, 'control-resources');
    expect(answer.body).toMatchObject({
      title: 'Resources refused',
      detail: 'The body must be { "resources": [ … ] }.',
    });
    expect(mock.resources()).toEqual([]);
  });

  it('POST /__mock/resources whose resources are not a list: the seed check’s message', async () => {
    const mock = await statefulInProcess({ api: 'zenlayer' });
    const answer = await control(mock, 'POST', 'resources', { resources: { type: 'disk' } });
    expectProblem(answer, 'control-resources');
    expect(answer.body).toMatchObject({
      title: 'Resources refused',
      detail: 'The seed was refused whole (nothing changed): resources must be a list',
    });
  });
});

it('logs each control call with its status and what it was', async () => {
  const lines: string[] = [];
  const mock = await statefulInProcess({ api: 'zenlayer', log: (line) => lines.push(line) });
  await control(mock, 'GET', 'faults');
  await control(mock, 'POST', 'faults', { drop: 1 });
  await control(mock, 'DELETE', 'requests');
  expect(lines.map((line) => line.replace(/ [\d.]+ms$/, ''))).toEqual([
    'zenlayer GET /__mock/faults - -> 200 control',
    'zenlayer POST /__mock/faults - -> 400 control control-faults',
    'zenlayer DELETE /__mock/requests - -> 204 control',
  ]);
  expect(mock.requests()).toEqual([]);
});
