// The control plane is not for pages: no answer under /__mock/ carries a CORS header (and each
// says same-origin only, nosniff), and a preflight for it is never granted (in either mode), so
// a page on another origin can neither read nor embed the journal or the inventory, nor send a
// call that needs asking first. The APIs' own answers keep their CORS headers.
import { describe, expect, it } from 'vitest';
import { start } from '../support/mocks.js';
import { control, stateful, zenlayer } from './support.js';

const corsHeaders = (headers: Headers) => [...headers.keys()].filter((name) => name.startsWith('access-control-'));

const preflight = (url: string, method: string) =>
  fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://127.0.0.1:1',
      'access-control-request-method': method,
      'access-control-request-headers': 'content-type, authorization',
    },
  });

describe('answers under /__mock/', () => {
  it('carry no CORS header: 200, 201, 204, 400, 401 and 415 alike', async () => {
    const open = await stateful({ api: 'zenlayer' });
    const locked = await stateful({ api: 'neutron', controlToken: 'ctl' });
    const answers = [
      await control(open, 'GET', 'requests'),
      await control(open, 'POST', 'faults', { drop: true }),
      await control(open, 'DELETE', 'faults'),
      await control(open, 'GET', 'nowhere'),
      await control(open, 'POST', 'reset', '', { 'content-type': 'text/plain' }),
      await control(locked, 'GET', 'resources'),
      await control(locked, 'GET', 'resources', undefined, { authorization: 'Bearer ctl' }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 201, 204, 400, 415, 401, 200]);
    for (const answer of answers) {
      expect(corsHeaders(answer.headers)).toEqual([]);
      // Nor may a page embed one (a <script src> of the journal).
      expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });

  it('while an API answer of the same mock still allows any origin', async () => {
    const mock = await stateful({ api: 'zenlayer' });
    const answer = await zenlayer(mock, 'DescribeDisks', {});
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('a preflight for /__mock/', () => {
  it.each(['POST', 'GET', 'DELETE'])('asking for %s is not granted, locked or not', async (method) => {
    const open = await stateful({ api: 'zenlayer' });
    const locked = await stateful({ api: 'zenlayer', bearerTokens: ['t'] });
    for (const mock of [open, locked]) {
      const answer = await preflight(`${mock.url}/__mock/faults`, method);
      expect(answer.ok).toBe(false);
      expect(corsHeaders(answer.headers)).toEqual([]);
    }
  });

  it('is not granted in examples mode either, where /__mock/ is nothing', async () => {
    const mock = await start({ api: 'neutron' });
    const answer = await preflight(`${mock.url}/__mock/requests`, 'GET');
    expect(answer.ok).toBe(false);
    expect(answer.headers.get('access-control-allow-methods')).toBeNull();
  });
});
