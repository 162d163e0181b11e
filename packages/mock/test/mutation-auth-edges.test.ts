// Edges of Zenlayer's authentication that decide whether a release gets through: the clock
// window's exact bound, a missing Authorization, an unknown key (issue 15: survivors in
// providers/zenlayer/auth.ts). Each asserts the status, code and message a client receives.
import { describe, expect, it } from 'vitest';
import { post, sign, signedHeaders, start } from './support/mocks.js';

const BODY = '{"diskId":"d-1"}';
const NOW = new Date('2026-11-23T08:00:00Z');
const NOW_S = NOW.getTime() / 1000;

async function releaseDisk(headers: Record<string, string>, options: Record<string, unknown> = {}) {
  const mock = await start({ api: 'zenlayer', now: () => NOW, ...options });
  return post(`${mock.url}/api/v2/zec`, { 'x-zc-action': 'ReleaseDisk', ...headers }, BODY);
}

describe('the 5-minute window, to the second', () => {
  it.each([
    [-300, 200],
    [300, 200],
  ])('a timestamp %i s away passes', async (offset, status) => {
    expect((await releaseDisk(signedHeaders(NOW_S + offset))).status).toBe(status);
  });

  it.each([-301, 301])('a timestamp %i s away is expired, naming the skew', async (offset) => {
    const response = await releaseDisk(signedHeaders(NOW_S + offset));
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({
      code: 'AUTHFAILURE_SIGNATURE_EXPIRED',
      message: "X-ZC-Timestamp is 301 s away from the server's clock; the limit is 300 s.",
    });
  });
});

describe('who is asking', () => {
  it('no Authorization at all is a 401 saying it is missing', async () => {
    const { authorization: _, ...headers } = signedHeaders(NOW_S);
    const response = await releaseDisk(headers);
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({
      code: 'AUTHFAILURE_INVALID_AUTHORIZATION',
      message: 'The Authorization header is missing.',
    });
  });

  /** A ReleaseDisk to a mock that knows AK1 / pw, signed as `keyId` with `password`. */
  async function signedBy(keyId: string, password: string) {
    const mock = await start({ api: 'zenlayer', now: () => NOW, credentials: { AK1: 'pw' } });
    const signature = sign(BODY, new URL(mock.url).host, NOW_S, password);
    const headers = { 'x-zc-action': 'ReleaseDisk', ...signedHeaders(NOW_S, signature, keyId) };
    return post(`${mock.url}/api/v2/zec`, headers, BODY);
  }

  it.each([
    [
      'an access key the mock does not know',
      'AK9',
      'pw',
      'AUTHFAILURE_INVALID_AUTHORIZATION',
      'Unknown access key id AK9.',
    ],
    [
      'a signature made with another password',
      'AK1',
      'not-the-password',
      'AUTHFAILURE_SIGNATURE_FAILURE',
      'The request signature does not match.',
    ],
  ])('%s is a 401 saying so', async (_, keyId, password, code, message) => {
    const response = await signedBy(keyId, password);
    expect(response.status).toBe(401);
    expect(response.json).toMatchObject({ code, message });
  });
});
