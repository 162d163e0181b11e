// Who may call /__mock/: anyone while the mock checks no caller; once it is given credentials,
// bearerTokens, projects or a controlToken, only a call carrying one credential it was
// configured to verify. Anything else is a 401 naming what would open it, before any other check.
import { startMock } from '@cloud-release/mock';
import { describe, expect, it } from 'vitest';
import { sign } from '../support/mocks.js';
import { control, stateful } from './support.js';

const KEY_ID = 'AK-CONTROL';
const KEY_PASSWORD = 'control-password';
const PROJECT_TOKEN = 'keystone-token';
const SEED = { resources: [{ type: 'instance', id: 'i-keep', status: 'RUNNING' }] };
const locked = {
  credentials: { [KEY_ID]: KEY_PASSWORD },
  bearerTokens: ['api-token'],
  projects: { [PROJECT_TOKEN]: 'p-1' },
};

/** What a locked mock answers a call without an accepted credential. */
function expectLocked(answer: { status: number; headers: Headers; body: { detail: string } }) {
  expect(answer.status).toBe(401);
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  expect(answer.headers.get('x-cloud-release-mock-error')).toBe('control-auth');
  expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer /);
  expect(answer.body).toMatchObject({ type: 'https://cloud-release.dev/mock-errors/control-auth' });
}

/** The headers of a Zenlayer signature over this control call, as an SDK signs an API call. */
function signed(mock: { url: string }, body: string, password = KEY_PASSWORD, keyId = KEY_ID) {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = sign(body, new URL(mock.url).host, timestamp, password);
  return {
    authorization: `ZC2-HMAC-SHA256 Credential=${keyId}, SignedHeaders=content-type;host, Signature=${signature}`,
    'x-zc-timestamp': String(timestamp),
    'x-zc-signature-method': 'ZC2-HMAC-SHA256',
  };
}

describe('a mock that checks no caller', () => {
  it('takes control calls without a credential', async () => {
    const mock = await stateful({ api: 'zenlayer', seed: SEED });
    expect((await control(mock, 'GET', 'resources')).status).toBe(200);
    expect((await control(mock, 'POST', 'faults', { drop: true })).status).toBe(201);
  });
});

describe('a locked mock', () => {
  it.each([
    ['credentials', { credentials: { [KEY_ID]: KEY_PASSWORD } }],
    ['bearerTokens', { bearerTokens: ['api-token'] }],
    ['projects', { projects: { [PROJECT_TOKEN]: 'p-1' } }],
    ['controlToken', { controlToken: 'ctl' }],
  ])('with %s: every call without a credential is a 401, and changes nothing', async (_, options) => {
    const mock = await stateful({ api: 'zenlayer', seed: SEED, ...options });
    for (const [method, path, body] of [
      ['GET', 'requests'],
      ['GET', 'resources'],
      ['GET', 'faults'],
      ['POST', 'resources', { resources: [{ type: 'instance', id: 'i-keep', status: 'RECYCLE' }] }],
      ['POST', 'faults', { status: 500, code: 'X' }],
      ['POST', 'reset'],
      ['DELETE', 'requests'],
      ['DELETE', 'faults'],
      ['GET', 'nowhere'],
    ] as const) {
      const answer = await control(mock, method, path, body);
      expectLocked(answer);
      expect(answer.body.detail).toMatch(/^This mock's \/__mock\/ calls need one of: /);
    }
    expect(mock.resources()).toEqual(SEED.resources);
    expect(mock.faults()).toEqual([]);
  });

  it('names only what it was configured with, and says when a credential was sent but refused', async () => {
    const mock = await stateful({ api: 'neutron', projects: { [PROJECT_TOKEN]: 'p-1' } });
    const none = await control(mock, 'GET', 'requests');
    expect(none.body.detail).toBe(
      "This mock's /__mock/ calls need one of: X-Auth-Token: <a token the mock maps to a project>.",
    );
    const wrong = await control(mock, 'GET', 'requests', undefined, { 'x-auth-token': 'other' });
    expectLocked(wrong);
    expect(wrong.body.detail).toBe(`The credential sent is not accepted. ${none.body.detail}`);
    // The token's value is never echoed.
    expect(JSON.stringify(wrong.body)).not.toContain('other');
  });

  it('opens to the control token, a configured bearer token, a verified signature or a mapped Keystone token', async () => {
    const mock = await stateful({ api: 'zenlayer', seed: SEED, ...locked, controlToken: 'ctl-secret' });
    expect((await control(mock, 'GET', 'faults', undefined, { authorization: 'Bearer ctl-secret' })).status).toBe(200);
    expect((await control(mock, 'GET', 'faults', undefined, { authorization: 'Bearer api-token' })).status).toBe(200);
    expect((await control(mock, 'GET', 'faults', undefined, { 'x-auth-token': PROJECT_TOKEN })).status).toBe(200);
    expect((await control(mock, 'GET', 'faults', undefined, signed(mock, ''))).status).toBe(200);
    const body = JSON.stringify({ operation: 'ReleaseInstances', drop: true });
    expect((await control(mock, 'POST', 'faults', body, signed(mock, body))).status).toBe(201);
    expect(mock.faults()).toEqual([{ kind: 'drop', operation: 'ReleaseInstances', times: 1 }]);
  });

  it('refuses a wrong token, a signature by a wrong password or an unknown key, and a stale one', async () => {
    const mock = await stateful({ api: 'zenlayer', ...locked, controlToken: 'ctl-secret' });
    const stale = { ...signed(mock, ''), 'x-zc-timestamp': String(Math.floor(Date.now() / 1000) - 3600) };
    const refusedHeaders: Record<string, string>[] = [
      { authorization: 'Bearer ctl-secre' },
      { authorization: 'Bearer ctl-secret-and-more' },
      { authorization: 'Basic Y3RsLXNlY3JldA==' },
      { 'x-auth-token': 'ctl-secret' },
      signed(mock, '', 'wrong-password'),
      signed(mock, '', KEY_PASSWORD, 'AK-OTHER'),
      stale,
    ];
    for (const headers of refusedHeaders) expectLocked(await control(mock, 'GET', 'requests', undefined, headers));
  });

  it('with bearer tokens only, refuses any signature (the API takes any well-formed one; the control plane cannot verify it)', async () => {
    const mock = await stateful({ api: 'zenlayer', bearerTokens: ['api-token'] });
    expectLocked(await control(mock, 'GET', 'requests', undefined, signed(mock, '', 'anything', 'AK-ANY')));
  });

  it('checks the credential before the content type and the route', async () => {
    const mock = await stateful({ api: 'zenlayer', controlToken: 'ctl' });
    expectLocked(await control(mock, 'POST', 'faults', '{}', { 'content-type': 'text/plain' }));
    expectLocked(await control(mock, 'PUT', 'nowhere'));
    const open = await control(mock, 'POST', 'faults', '{}', {
      'content-type': 'text/plain',
      authorization: 'Bearer ctl',
    });
    expect(open.status).toBe(415);
  });

  it('refuses at start a control token that cannot travel in a header', async () => {
    for (const controlToken of ['', 'two words', 'tab\there', 'é', 'x'.repeat(1025)])
      await expect(startMock({ api: 'zenlayer', mode: 'stateful', controlToken })).rejects.toThrow(
        'controlToken must be 1..1024 visible ASCII characters (no blanks)',
      );
  });
});
