// What the clients hand their fetch: a URL and an init carrying the exact body string (none for
// a bodiless call), the attempt's signal, and redirect 'manual' — never a Request to copy; and
// the headers every official Zenlayer SDK sends (X-ZC-SDK-Lang, X-ZC-SDK-Version).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, SDK_VERSION } from '../src/index.js';
import { clientPerTest } from './support/client-per-test.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

function recorder(answer: () => Response) {
  const calls: [unknown, RequestInit | undefined][] = [];
  const fetch = (async (input: unknown, init?: RequestInit) => {
    calls.push([input, init]);
    return answer();
  }) as typeof globalThis.fetch;
  return { calls, fetch };
}

describe('what a client hands its fetch', () => {
  it('Zenlayer: the URL as a string, the serialized body as the string that was signed, redirect manual', async () => {
    const { calls, fetch } = recorder(() => Response.json({ requestId: 'T1', response: { requestId: 'T1' } }));
    const zc = createZenlayerClient({ accessKeyId: 'AK', accessKeyPassword: 'pw', baseUrl: 'http://zc.test/', fetch });
    await zc.releaseDisk('disk-1');
    const [url, init] = calls[0]!;
    expect(url).toBe('http://zc.test/api/v2/zec');
    expect(init).toMatchObject({ method: 'POST', body: '{"diskId":"disk-1"}', redirect: 'manual' });
    expect(init!.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(init!.headers).get('authorization')).toMatch(/^ZC2-HMAC-SHA256 Credential=AK, /);
  });

  it('Neutron: DELETE with no body at all, the token in the headers, redirect manual', async () => {
    const { calls, fetch } = recorder(() => new Response(null, { status: 204 }));
    const nc = createNeutronClient({ baseUrl: 'http://neutron.test:9696', token: 'tok', fetch });
    await nc.deletePort(PORT, { ifMatchRevision: 3 });
    const [url, init] = calls[0]!;
    expect(url).toBe(`http://neutron.test:9696/v2.0/ports/${PORT}`);
    expect(init).not.toHaveProperty('body');
    expect(init).toMatchObject({ method: 'DELETE', redirect: 'manual' });
    expect(Object.fromEntries(new Headers(init!.headers))).toEqual({
      'if-match': 'revision_number=3',
      'x-auth-token': 'tok',
    });
  });

  it('Neutron listPorts: each filter value encoded, id repeated', async () => {
    const { calls, fetch } = recorder(() => Response.json({ ports: [] }));
    const nc = createNeutronClient({ baseUrl: 'http://neutron.test:9696/', token: 'tok', fetch });
    await nc.listPorts({ name: 'a b&c', id: [PORT, PORT.toUpperCase()] });
    expect(calls[0]![0]).toBe(`http://neutron.test:9696/v2.0/ports?name=a%20b%26c&id=${PORT}&id=${PORT.toUpperCase()}`);
  });
});

describe('Zenlayer: the headers every official SDK sends', () => {
  const client = clientPerTest({ accessKeyId: 'AK', accessKeyPassword: 'pw', retry: false });

  it.each([
    ['releaseInstances', 'vm'],
    ['releaseDisk', 'zec'],
    ['destroyPort', 'sdn'],
  ] as const)('%s sends X-ZC-Service %s, X-ZC-SDK-Lang and X-ZC-SDK-Version', async (method, service) => {
    const { zc, server } = await client();
    await (method === 'releaseInstances' ? zc.releaseInstances(['i-1']) : zc[method]('x-1'));
    expect(server.requests[0]!.headers).toMatchObject({
      'x-zc-service': service,
      'x-zc-sdk-lang': 'typescript',
      'x-zc-sdk-version': SDK_VERSION,
    });
  });

  it('X-ZC-SDK-Version is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(SDK_VERSION).toBe(pkg.version);
  });
});
