// @cloud-release/mock/msw under MSW's setupServer (msw 2.x, Node): the handlers answer every
// request to their baseUrl, the control plane included, and nothing else; a dropped connection
// is MSW's network error.
import { createHandlers, type MockHandlers } from '@cloud-release/mock/msw';
import { setupServer } from 'msw/node';
import { afterEach, describe, expect, it } from 'vitest';
import { PORT_ID, start } from './support/mocks.js';

const BASE = 'https://neutron.example:9696';
const stops: (() => void)[] = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

function serve(mock: MockHandlers) {
  const server = setupServer(...mock.handlers);
  server.listen({ onUnhandledRequest: 'bypass' });
  stops.push(() => server.close());
  return server;
}

const token = { 'x-auth-token': 't' };

describe('MSW handlers of a mock', () => {
  it('answer what global fetch sends to their baseUrl, its root included; other origins go out untouched', async () => {
    const mock = await createHandlers({ api: 'neutron', baseUrl: BASE });
    serve(mock);
    const deleted = await fetch(`${BASE}/v2.0/ports/${PORT_ID}`, { method: 'DELETE', headers: token });
    expect(deleted.status).toBe(204);
    expect(deleted.headers.get('x-openstack-request-id')).toMatch(/^req-[0-9a-f-]{36}$/);
    expect(await (await fetch(`${BASE}/`, { headers: token })).json()).toMatchObject({ versions: [{ id: 'v2.0' }] });
    // A real mock on 127.0.0.1 is reached over its socket, not by the handlers.
    const real = await start({ api: 'neutron' });
    expect((await fetch(`${real.url}/v2.0/ports`, { headers: token })).status).toBe(200);
  });

  it('stateful: the control methods, the /__mock/ control plane, and a dropped connection as a network error', async () => {
    const mock = await createHandlers({
      api: 'neutron',
      baseUrl: BASE,
      mode: 'stateful',
      controlToken: 'ct',
      seed: { resources: [{ id: PORT_ID }] },
    });
    serve(mock);
    mock.fault({ operation: 'DeletePort', drop: true });
    await expect(fetch(`${BASE}/v2.0/ports/${PORT_ID}`, { method: 'DELETE', headers: token })).rejects.toThrow(
      TypeError,
    );
    expect((await fetch(`${BASE}/v2.0/ports/${PORT_ID}`, { method: 'DELETE', headers: token })).status).toBe(204);
    expect(mock.requests().map((r) => [r.operation, r.status, r.fault ?? null])).toEqual([
      ['DeletePort', null, 'drop'],
      ['DeletePort', 204, null],
    ]);
    expect((await fetch(`${BASE}/__mock/resources`)).status).toBe(401);
    const inventory = await fetch(`${BASE}/__mock/resources`, { headers: { authorization: 'Bearer ct' } });
    expect(await inventory.json()).toMatchObject({ resources: [] });
  });

  it('after close() requests to the baseUrl fail as a network error', async () => {
    const mock = await createHandlers({ api: 'neutron', baseUrl: BASE });
    serve(mock);
    await mock.close();
    await expect(fetch(`${BASE}/v2.0/ports`, { headers: token })).rejects.toThrow(TypeError);
  });

  it('need a baseUrl that is an http(s) origin', async () => {
    await expect(createHandlers({ api: 'neutron', baseUrl: `${BASE}/v2.0` })).rejects.toThrow(
      /^baseUrl must be an http\(s\) origin/,
    );
    await expect(createHandlers({ api: 'neutron' } as never)).rejects.toThrow(/^baseUrl must be/);
  });
});
