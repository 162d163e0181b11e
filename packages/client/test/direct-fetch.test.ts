// directFetch: a request whose body is known goes out as url + init, with the same method,
// headers, body and signal; anything else passes through untouched.
import { describe, expect, it } from 'vitest';
import { bodyRegistry, directFetch } from '../src/transport/direct-fetch.js';

function recorder() {
  const calls: unknown[][] = [];
  const base = (async (...args: unknown[]) => {
    calls.push(args);
    return new Response(null, { status: 204 });
  }) as typeof fetch;
  return { calls, base };
}

describe('directFetch', () => {
  it('re-issues a Request with a known body as url + init', async () => {
    const { calls, base } = recorder();
    const bodies = new WeakMap<Request, string>();
    const controller = new AbortController();
    const request = new Request('http://127.0.0.1:1/api/v2/vm', {
      method: 'POST',
      headers: { 'x-zc-action': 'ReleaseInstances' },
      body: '{"a":1}',
      signal: controller.signal,
    });
    bodies.set(request, '{"a":1}');
    await directFetch(base, bodies)(request);
    const [url, init] = calls[0] as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:1/api/v2/vm');
    expect(init).toMatchObject({ method: 'POST', body: '{"a":1}' });
    expect(new Headers(init.headers).get('x-zc-action')).toBe('ReleaseInstances');
    controller.abort();
    expect(init.signal!.aborted).toBe(true);
  });

  it('re-issues a bodiless Request without a body', async () => {
    const { calls, base } = recorder();
    await directFetch(base, new WeakMap())(new Request('http://127.0.0.1:1/v2.0/ports/x', { method: 'DELETE' }));
    expect(calls[0]![1]).not.toHaveProperty('body');
  });

  it('passes a Request with an unknown body through as is', async () => {
    const { calls, base } = recorder();
    const request = new Request('http://127.0.0.1:1/x', { method: 'POST', body: 'unknown' });
    await directFetch(base, new WeakMap())(request);
    expect(calls[0]).toEqual([request]);
  });
});

describe('directFetch never drops an init, nor sends a body a Request does not have', () => {
  it('a URL with an init goes through with that init', async () => {
    const { calls, base } = recorder();
    const init = { method: 'POST', body: '{"a":1}', headers: { 'x-zc-action': 'ReleaseDisk' } };
    await directFetch(base, new WeakMap())('http://127.0.0.1:1/api/v2/zec', init);
    expect(calls).toEqual([['http://127.0.0.1:1/api/v2/zec', init]]);
  });

  it('a Request with an init goes through as given, even when its body is known', async () => {
    const { calls, base } = recorder();
    const bodies = new WeakMap<Request, string>();
    const request = new Request('http://127.0.0.1:1/api/v2/zec', { method: 'POST', body: '{"a":1}' });
    bodies.set(request, '{"a":1}');
    const init = { keepalive: false };
    await directFetch(base, bodies)(request, init);
    expect(calls).toEqual([[request, init]]);
  });

  it('a bodiless Request is sent without a body, whatever was registered for it', async () => {
    const { calls, base } = recorder();
    const bodies = new WeakMap<Request, string>();
    const request = new Request('http://127.0.0.1:1/v2.0/ports/p-1', { method: 'DELETE' });
    bodies.set(request, '{"stale":true}');
    await directFetch(base, bodies)(request);
    expect(calls[0]![0]).toBe('http://127.0.0.1:1/v2.0/ports/p-1');
    expect(calls[0]![1]).not.toHaveProperty('body');
  });
});

describe('bodyRegistry', () => {
  it('claiming a body that was never registered fails naming the request', () => {
    const registry = bodyRegistry(recorder().base);
    const request = new Request('http://127.0.0.1:1/api/v2/vm', { method: 'POST', body: '{}' });
    expect(() => registry.claim({}, request)).toThrow(
      new Error('request to http://127.0.0.1:1/api/v2/vm has no registered body'),
    );
  });
});
