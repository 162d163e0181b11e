// A signature over a header the request does not carry: the mock signs it as empty, as a client
// that sends no Host (HTTP/1.0) or no Content-Type computes it. Such a request is authenticated,
// and then answered (or refused for its Content-Type) on its own merits.
import { describe, expect, it } from 'vitest';
import { nowSeconds, rawRequest, sign, signedHeaders, start } from './support/mocks.js';

const BODY = '{"diskId":"d-1"}';

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
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'INVALID_PARAMETER_VALUE',
      message: 'Content-Type must be application/json (got none).',
    });
  });
});
