// directFetch: a request whose body is known goes out as url + init, with the same method,
// headers, body and signal; anything else passes through untouched.
import { describe, expect, it } from 'vitest';
import { directFetch } from '../src/transport/direct-fetch.js';

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
