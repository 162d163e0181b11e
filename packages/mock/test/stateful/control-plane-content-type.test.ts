// /__mock/ takes only application/json: every POST (body or not) and any call that carries a
// body must say so, or it is a 415 and nothing changes. A page on another origin can send
// text/plain, a form or no type without asking the mock first; application/json it cannot.
import { describe, expect, it } from 'vitest';
import { control, stateful } from './support.js';

const SEED = { resources: [{ type: 'instance', id: 'i-keep', status: 'RUNNING' }] };
const RECYCLE = JSON.stringify({ resources: [{ type: 'instance', id: 'i-keep', status: 'RECYCLE' }] });

describe('a control call that is not application/json', () => {
  it.each([
    ['text/plain;charset=UTF-8', 'text/plain'],
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['multipart/form-data; boundary=x', 'multipart/form-data'],
    ['application/problem+json', 'application/problem+json'],
  ])('POST as %s: 415 naming the type it needs and the one it got; nothing changes', async (type, named) => {
    const mock = await stateful({ api: 'zenlayer', seed: SEED });
    mock.fault({ operation: 'DescribeDisks', drop: true });
    for (const [path, body] of [
      ['resources', RECYCLE],
      ['faults', '{"status":500,"code":"X","times":5}'],
      ['reset', ''],
    ] as const) {
      const answer = await control(mock, 'POST', path, body, { 'content-type': type });
      expect(answer.status).toBe(415);
      expect(answer.headers.get('x-cloud-release-mock-error')).toBe('control-content-type');
      expect(answer.body).toMatchObject({
        type: 'https://cloud-release.dev/mock-errors/control-content-type',
        title: 'Unsupported media type',
        detail: `POST /__mock/${path} needs Content-Type: application/json (got ${named}).`,
      });
    }
    expect(mock.resources()).toEqual(SEED.resources);
    expect(mock.faults()).toEqual([{ kind: 'drop', operation: 'DescribeDisks', times: 1 }]);
  });

  it('a POST without a Content-Type, even without a body (a reset), is a 415', async () => {
    const mock = await stateful({ api: 'zenlayer', seed: SEED });
    mock.addResources([{ type: 'disk', id: 'd-extra', status: 'AVAILABLE' }]);
    const answer = await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
    expect(answer.status).toBe(415);
    expect((await answer.json()).detail).toBe('POST /__mock/reset needs Content-Type: application/json (got none).');
    expect(mock.resources()).toHaveLength(2);
  });

  it('a body on another method must be JSON too; a DELETE or GET without one needs no type', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    mock.fault({ drop: true });
    const withBody = await fetch(`${mock.url}/__mock/faults`, {
      method: 'DELETE',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(withBody.status).toBe(415);
    expect(mock.faults()).toHaveLength(1);
    expect((await fetch(`${mock.url}/__mock/faults`)).status).toBe(200);
    expect((await fetch(`${mock.url}/__mock/faults`, { method: 'DELETE' })).status).toBe(204);
    expect(mock.faults()).toEqual([]);
  });
});

it('takes application/json with parameters and in any case', async () => {
  const mock = await stateful({ api: 'zenlayer', seed: SEED });
  const answer = await control(mock, 'POST', 'resources', RECYCLE, {
    'content-type': 'Application/JSON; charset=utf-8',
  });
  expect(answer.status).toBe(201);
  expect(mock.resources()).toEqual([{ type: 'instance', id: 'i-keep', status: 'RECYCLE' }]);
});
