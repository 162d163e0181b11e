// The same request gets the same answer whichever way it reaches the mock — the server, the
// in-process fetch or MSW handlers — byte for byte but for fresh request ids: status, headers
// and body, for answers, refusals, the body limit, a browser's preflight and the control plane.
import { BODY_LIMIT_BYTES } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { nowSeconds, PORT_ID, sign } from './support/mocks.js';
import { noticed, openWay, WAYS } from './support/ways-in.js';

interface Call {
  name: string;
  path: string;
  init: (url: string) => RequestInit;
}

const CREDENTIALS = { AK1: 'secret-1' };
const RELEASE = JSON.stringify({ instanceIds: ['i-1'] });

/** A ReleaseInstances signed for the host it is sent to, as an SDK signs it. */
const signed = (body: string) => (url: string) => {
  const timestamp = nowSeconds();
  const signature = sign(body, new URL(url).host, timestamp, CREDENTIALS.AK1);
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zc-action': 'ReleaseInstances',
      authorization: `ZC2-HMAC-SHA256 Credential=AK1, SignedHeaders=content-type;host, Signature=${signature}`,
      'x-zc-timestamp': String(timestamp),
      'x-zc-signature-method': 'ZC2-HMAC-SHA256',
    },
    body,
  };
};

const zenlayerCalls: Call[] = [
  { name: 'a signed release', path: '/api/v2/vm', init: signed(RELEASE) },
  {
    name: 'a signature made for another host',
    path: '/api/v2/vm',
    init: (url) => signed(RELEASE)(url.replace(/\/\/[^/]+/, '//elsewhere.example')),
  },
  {
    name: 'Authorization sent twice',
    path: '/api/v2/vm',
    init: (url) => {
      const init = signed(RELEASE)(url);
      const headers = new Headers(init.headers);
      headers.append('authorization', headers.get('authorization')!);
      return { ...init, headers };
    },
  },
  { name: 'malformed JSON', path: '/api/v2/vm', init: signed('{"instanceIds": [') },
  { name: 'one byte over the body limit', path: '/api/v2/vm', init: signed(' '.repeat(BODY_LIMIT_BYTES + 1)) },
  {
    name: 'a documented error asked for with Prefer',
    path: '/api/v2/zec',
    init: (url) => {
      const init = signed('{"diskId":"d-1"}')(url);
      return {
        ...init,
        headers: { ...init.headers, 'x-zc-action': 'ReleaseDisk', prefer: 'code=404, example=INVALID_DISK_NOT_FOUND' },
      };
    },
  },
  {
    name: "a browser's preflight",
    path: '/api/v2/vm',
    init: () => ({
      method: 'OPTIONS',
      headers: { 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-zc-action, x-trace' },
    }),
  },
];

const neutronCalls: Call[] = [
  {
    name: 'Delete Port',
    path: `/v2.0/ports/${PORT_ID}`,
    init: () => ({ method: 'DELETE', headers: { 'x-auth-token': 't' } }),
  },
  { name: 'the version document at the root', path: '/', init: () => ({ headers: { 'x-auth-token': 't' } }) },
  {
    name: 'a HEAD (405, no body on any way)',
    path: '/',
    init: () => ({ method: 'HEAD', headers: { 'x-auth-token': 't' } }),
  },
  { name: 'no token', path: `/v2.0/ports/${PORT_ID}`, init: () => ({ method: 'DELETE' }) },
  {
    name: 'a body with the DELETE',
    path: `/v2.0/ports/${PORT_ID}`,
    init: () => ({ method: 'DELETE', headers: { 'x-auth-token': 't' }, body: '{}' }),
  },
  { name: 'an unknown path', path: '/v2.0/networks/x?fields=id', init: () => ({ headers: { 'x-auth-token': 't' } }) },
  {
    name: 'a method it does not serve',
    path: `/v2.0/ports/${PORT_ID}`,
    init: () => ({ method: 'PUT', headers: { 'x-auth-token': 't' } }),
  },
];

const CONTROL_TOKEN = 'control-secret';
const controlCalls: Call[] = [
  { name: 'a control call without the token', path: '/__mock/faults', init: () => ({}) },
  {
    name: 'a control call with it',
    path: '/__mock/faults',
    init: () => ({ headers: { authorization: `Bearer ${CONTROL_TOKEN}` } }),
  },
  {
    name: 'a fault refused',
    path: '/__mock/faults',
    init: () => ({
      method: 'POST',
      headers: { authorization: `Bearer ${CONTROL_TOKEN}`, 'content-type': 'application/json' },
      body: '{"status": 200}',
    }),
  },
  {
    name: 'a control call that is not JSON',
    path: '/__mock/reset',
    init: () => ({ method: 'POST', headers: { authorization: `Bearer ${CONTROL_TOKEN}` }, body: 'x' }),
  },
  {
    name: 'a preflight to the control plane',
    path: '/__mock/faults',
    init: () => ({ method: 'OPTIONS', headers: { 'access-control-request-method': 'POST' } }),
  },
];

/** Each call through each way in, in order, on a mock of its own per way. */
async function answers(options: Parameters<typeof openWay>[1], calls: Call[]) {
  const byWay: Record<string, unknown[]> = {};
  for (const way of WAYS) {
    const opened = await openWay(way, options);
    byWay[way] = [];
    for (const call of calls) {
      const url = `${opened.url}${call.path}`;
      byWay[way].push({ call: call.name, ...(await noticed(await opened.fetch(url, call.init(url)))) });
    }
  }
  return byWay;
}

describe('every way in answers alike', () => {
  it('zenlayer with credentials: answers, refusals, the body limit, Prefer and a preflight', async () => {
    const { server, fetch, msw } = await answers({ api: 'zenlayer', credentials: CREDENTIALS }, zenlayerCalls);
    expect(fetch).toEqual(server);
    expect(msw).toEqual(server);
    expect(server!.map((a) => (a as { status: number }).status)).toEqual([200, 401, 401, 400, 400, 404, 204]);
  });

  it('neutron: answers, refusals and unknown paths', async () => {
    const { server, fetch, msw } = await answers({ api: 'neutron' }, neutronCalls);
    expect(fetch).toEqual(server);
    expect(msw).toEqual(server);
    expect(server!.map((a) => (a as { status: number }).status)).toEqual([204, 200, 405, 401, 400, 404, 405]);
  });

  it('the control plane of a locked stateful mock: the same auth, refusals and no preflight', async () => {
    const { server, fetch, msw } = await answers(
      { api: 'neutron', mode: 'stateful', controlToken: CONTROL_TOKEN },
      controlCalls,
    );
    expect(fetch).toEqual(server);
    expect(msw).toEqual(server);
    expect(server!.map((a) => (a as { status: number }).status)).toEqual([401, 200, 400, 415, 401]);
  });
});
