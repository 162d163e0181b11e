// directFetch re-issues only what it can re-issue exactly (issue 15: survivors in
// transport/direct-fetch.ts): an init is never dropped (a URL or a Request given with one goes
// through as given), a bodiless Request is sent without a body whatever is registered, and a
// body that was never registered is a loud error naming the request, never an unsigned guess.
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
