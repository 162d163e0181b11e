// The request path is the same for every provider; the answer step is injectable, and a
// failure inside it comes back in the provider's own 500 shape with its own request id.
import { describe, expect, it } from 'vitest';
import type { Answerer } from '../src/pipeline.js';
import { start } from './support/mocks.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';
const failing: Answerer = async () => {
  throw new Error('state engine exploded');
};

async function zenlayerRelease(answerer: Answerer) {
  const mock = await start({ api: 'zenlayer', answerer });
  return fetch(`${mock.url}/api/v2/zec`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-zc-action': 'ReleaseDisk',
      authorization: `ZC2-HMAC-SHA256 Credential=AK, SignedHeaders=content-type;host, Signature=${'a'.repeat(64)}`,
      'x-zc-signature-method': 'ZC2-HMAC-SHA256',
      'x-zc-timestamp': String(Math.floor(Date.now() / 1000)),
    },
    body: '{"diskId":"d-1"}',
  });
}

describe('provider table', () => {
  it('answers a validated request with whatever the injected answerer returns', async () => {
    const seen: string[] = [];
    const response = await zenlayerRelease(async (request, provider) => {
      seen.push(`${request.operation} ${JSON.stringify(request.json)} ${request.example.status}`);
      return provider.error(404, 'INVALID_DISK_NOT_FOUND', 'Disk d-1 is gone.', request.operation);
    });
    expect(seen).toEqual(['ReleaseDisk {"diskId":"d-1"} 200']);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      requestId: expect.stringMatching(/^T[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/),
      code: 'INVALID_DISK_NOT_FOUND',
      message: 'Disk d-1 is gone.',
    });
  });

  it('turns a failure of the answer step into Zenlayer’s 500 envelope', async () => {
    const response = await zenlayerRelease(failing);
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      requestId: expect.stringMatching(/^T[0-9A-F-]{36}$/),
      code: 'INTERNAL_SERVER_ERROR',
      message: 'Mock failure: state engine exploded',
    });
  });

  it('turns a failure of the answer step into Neutron’s 500 NeutronError', async () => {
    const mock = await start({ api: 'neutron', answerer: failing });
    const response = await fetch(`${mock.url}/v2.0/ports/${PORT}`, {
      method: 'DELETE',
      headers: { 'x-auth-token': 't' },
    });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      NeutronError: { type: 'HTTPInternalServerError', message: 'Mock failure: state engine exploded', detail: '' },
    });
  });
});
