// Zenlayer's authentication, check by check, as a client meets it: each check has a test that
// fails if the check is deleted, the clock window is exact to the second, signatures are
// accepted as the official SDKs write them, and a signed header the request lacks is signed empty.
import { describe, expect, it } from 'vitest';
import { nowSeconds, post, rawRequest, sign, signedHeaders, start } from './support/mocks.js';

const BODY = '{"diskId":"d-1"}';
const HEX = 'a'.repeat(64);
const WELL_FORMED = `ZC2-HMAC-SHA256 Credential=AK1, SignedHeaders=content-type;host, Signature=${HEX}`;

async function releaseDisk(
  headers: Record<string, string>,
  options: Parameters<typeof start>[0] = { api: 'zenlayer' },
) {
  const mock = await start(options);
  return post(`${mock.url}/api/v2/zec`, { 'x-zc-action': 'ReleaseDisk', ...headers }, BODY);
}
const codeOf = (response: { status: number; json: unknown }) => [
  response.status,
  (response.json as { code?: string }).code,
];
/** A 401 as a client reads it: the envelope's code, and the message pinned for it. */
const refused = (code: string, message: unknown) => ({ status: 401, json: { code, message } });
const NOW = new Date('2026-11-23T08:00:00Z');
const NOW_S = NOW.getTime() / 1000;

describe('X-ZC-Timestamp, checked without credentials too', () => {
  it('a missing timestamp is a 401, not a NaN skew that passes', async () => {
    const { 'x-zc-timestamp': _, ...headers } = signedHeaders(0);
    const response = await releaseDisk(headers);
    expect(response).toMatchObject(
      refused('AUTHFAILURE_INVALID_AUTHORIZATION', 'X-ZC-Timestamp (Unix seconds) is required with a signed request.'),
    );
  });

  // Each of these is a number to Number() (or NaN), so only the format check refuses them.
  for (const spell of [(n: number) => `${n}.0`, (n: number) => `${n}x`, (n: number) => `x${n}`, () => 'soon'])
    it(`a malformed timestamp (${spell(1700000000)}) is a 401`, async () => {
      const response = await releaseDisk(signedHeaders(spell(nowSeconds())));
      expect(codeOf(response)).toEqual([401, 'AUTHFAILURE_INVALID_AUTHORIZATION']);
    });

  it('a well-formed current timestamp passes (the checks above are not refusing everything)', async () => {
    expect((await releaseDisk(signedHeaders(nowSeconds()))).status).toBe(200);
  });
});

describe('the 5-minute window, to the second', () => {
  const at = (headers: Record<string, string>) => releaseDisk(headers, { api: 'zenlayer', now: () => NOW });

  it.each([-300, 300])('a timestamp %i s away passes', async (offset) => {
    expect((await at(signedHeaders(NOW_S + offset))).status).toBe(200);
  });

  it.each([-301, 301])('a timestamp %i s away is expired, naming the skew', async (offset) => {
    const response = await at(signedHeaders(NOW_S + offset));
    expect(response).toMatchObject(
      refused(
        'AUTHFAILURE_SIGNATURE_EXPIRED',
        "X-ZC-Timestamp is 301 s away from the server's clock; the limit is 300 s.",
      ),
    );
  });
});

describe('who is asking', () => {
  it('no Authorization at all is a 401 saying it is missing', async () => {
    const { authorization: _, ...headers } = signedHeaders(nowSeconds());
    const response = await releaseDisk(headers);
    expect(response).toMatchObject(
      refused('AUTHFAILURE_INVALID_AUTHORIZATION', 'The Authorization header is missing.'),
    );
  });

  /** A ReleaseDisk to a mock that knows AK1 / pw, signed as `keyId` with `password`. */
  async function signedBy(keyId: string, password: string) {
    const mock = await start({ api: 'zenlayer', credentials: { AK1: 'pw' } });
    const ts = nowSeconds();
    const signature = sign(BODY, new URL(mock.url).host, ts, password);
    const headers = { 'x-zc-action': 'ReleaseDisk', ...signedHeaders(ts, signature, keyId) };
    return post(`${mock.url}/api/v2/zec`, headers, BODY);
  }

  // The unknown key's wording is pinned with the hostile ids in hostile-input.test.ts.
  it('an access key the mock does not know is a 401', async () => {
    expect(codeOf(await signedBy('AK9', 'pw'))).toEqual([401, 'AUTHFAILURE_INVALID_AUTHORIZATION']);
  });

  it('a signature made with another password is a 401 saying it does not match', async () => {
    const response = await signedBy('AK1', 'not-the-password');
    expect(response).toMatchObject(refused('AUTHFAILURE_SIGNATURE_FAILURE', 'The request signature does not match.'));
  });
});

describe('the shape of a signed request', () => {
  it('SignedHeaders other than content-type;host is a signature failure', async () => {
    const response = await releaseDisk({
      ...signedHeaders(nowSeconds()),
      authorization: `ZC2-HMAC-SHA256 Credential=AK1, SignedHeaders=host, Signature=${HEX}`,
    });
    expect(response).toMatchObject(
      refused('AUTHFAILURE_SIGNATURE_FAILURE', 'SignedHeaders must be "content-type;host" (got "host").'),
    );
  });

  for (const method of [undefined, 'HmacSHA256', 'zc2-hmac-sha256'])
    it(`X-ZC-Signature-Method ${method ?? 'missing'} is a 401`, async () => {
      const { 'x-zc-signature-method': _, ...headers } = signedHeaders(nowSeconds());
      const response = await releaseDisk({ ...headers, ...(method && { 'x-zc-signature-method': method }) });
      expect(response).toMatchObject(
        refused(
          'AUTHFAILURE_INVALID_AUTHORIZATION',
          'X-ZC-Signature-Method must be ZC2-HMAC-SHA256 with a signed request.',
        ),
      );
    });

  for (const authorization of [
    `x${WELL_FORMED}`, // start anchor
    `${WELL_FORMED}0`, // end anchor: 65 hex digits
    `${WELL_FORMED}, Extra=1`,
    'Bearer tok extra', // bearer end anchor
    'xBearer tok', // bearer start anchor
    'Bearer ',
  ])
    it(`a malformed Authorization (${authorization.slice(0, 24)}…) is a 401`, async () => {
      const response = await releaseDisk({ ...signedHeaders(nowSeconds()), authorization });
      expect(response).toMatchObject(
        refused('AUTHFAILURE_INVALID_AUTHORIZATION', expect.stringMatching(/^The Authorization header is malformed/)),
      );
    });
});

describe('signatures as the official SDKs write them (mixed-case Host and Content-Type)', () => {
  const ts = nowSeconds();
  async function signedWith(
    sent: { host: string; contentType: string },
    signed: { host: string; contentType: string },
  ) {
    const mock = await start({ api: 'zenlayer', credentials: { AK1: 'pw' } });
    const host = sent.host.replace('PORT', String(mock.port));
    const signature = sign(BODY, signed.host.replace('PORT', String(mock.port)), ts, 'pw', signed.contentType);
    return post(
      `${mock.url}/api/v2/zec`,
      {
        ...signedHeaders(ts, signature),
        host,
        'content-type': sent.contentType,
        'x-zc-action': 'ReleaseDisk',
      },
      BODY,
    );
  }
  const sent = { host: 'Mock.Example.COM:PORT', contentType: 'Application/JSON; charset=UTF-8' };

  it('accepts the value signed verbatim, as the SDKs sign it', async () => {
    expect((await signedWith(sent, sent)).status).toBe(200);
  });

  it('accepts the value signed trimmed and lower-cased', async () => {
    const normalized = { host: 'mock.example.com:PORT', contentType: 'application/json; charset=utf-8' };
    expect((await signedWith(sent, normalized)).status).toBe(200);
  });

  it('refuses any other spelling of the host', async () => {
    const other = { host: 'MOCK.EXAMPLE.COM:PORT', contentType: sent.contentType };
    const response = await signedWith(sent, other);
    expect(codeOf(response)).toEqual([401, 'AUTHFAILURE_SIGNATURE_FAILURE']);
  });
});

// The mock signs a header the request does not carry as empty, as a client that sends no Host
// (HTTP/1.0) or no Content-Type computes it; such a request is then answered on its own merits.
describe('signed headers a request does not carry', () => {
  it('no Host (HTTP/1.0), signed as an empty host: authenticated and answered', async () => {
    const mock = await start({ api: 'zenlayer', credentials: { AK1: 'pw' } });
    const ts = nowSeconds();
    const { authorization } = signedHeaders(ts, sign(BODY, '', ts, 'pw'));
    const { statusLine, body } = await rawRequest(
      mock.url,
      [
        'POST /api/v2/zec HTTP/1.0',
        'Content-Type: application/json',
        'X-ZC-Action: ReleaseDisk',
        `Authorization: ${authorization}`,
        `X-ZC-Timestamp: ${ts}`,
        'X-ZC-Signature-Method: ZC2-HMAC-SHA256',
        `Content-Length: ${BODY.length}`,
        '',
        BODY,
      ].join('\r\n'),
    );
    expect(statusLine).toBe('HTTP/1.1 200 OK');
    expect(JSON.parse(body).response).toEqual({ requestId: expect.stringMatching(/^T/) });
  });

  it('no Content-Type, signed as an empty one: authenticated, then refused for its Content-Type', async () => {
    const mock = await start({ api: 'zenlayer', credentials: { AK1: 'pw' } });
    const ts = nowSeconds();
    const { 'content-type': _, ...headers } = signedHeaders(ts, sign(BODY, new URL(mock.url).host, ts, 'pw', ''));
    const response = await fetch(`${mock.url}/api/v2/zec`, {
      method: 'POST',
      headers: { ...headers, 'x-zc-action': 'ReleaseDisk' },
      body: new TextEncoder().encode(BODY),
    });
    // The Content-Type refusal's wording is pinned in zenlayer-violations.test.ts.
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'INVALID_PARAMETER_VALUE' });
  });
});
