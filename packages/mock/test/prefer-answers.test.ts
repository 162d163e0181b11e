// The `Prefer` header as a client's test uses it: what it may name, what the mock does with a
// value it cannot read (ignores it), and the mock's own 418 for a choice the operation does not
// document, undressed by either provider and logged as the mock's.

import { describe, expect, it } from 'vitest';
import { preferringFetch } from '../src/prefer.js';
import { nowSeconds, PORT_ID, signedHeaders, start } from './support/mocks.js';

const DISK = '{"diskId":"d-1"}';
const zenlayerInit = (prefer?: string): RequestInit => ({
  method: 'POST',
  headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': 'ReleaseDisk', ...(prefer && { prefer }) },
  body: DISK,
});
const releaseDisk = async (url: string, prefer?: string) => {
  const response = await fetch(`${url}/api/v2/zec`, zenlayerInit(prefer));
  return { response, json: (await response.json()) as Record<string, unknown> };
};
const deletePort = async (url: string, prefer: string) => {
  const response = await fetch(`${url}/v2.0/ports/${PORT_ID}`, {
    method: 'DELETE',
    headers: { 'x-auth-token': 't', prefer },
  });
  const text = await response.text();
  return { response, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
};

/** The mock's own 418: its marker header and problem+json, never a provider's dressing. */
const expectMockError = (response: Response, kind: string) => {
  expect(response.status).toBe(418);
  expect(response.headers.get('x-cloud-release-mock-error')).toBe(kind);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
};

describe('Prefer values the mock cannot read are ignored: the documented success', () => {
  // RFC 7240's own preferences (wait=100 is three digits, but not a code) and malformed codes.
  for (const prefer of ['wait=100', 'return=minimal', 'code=4040', 'code=x404', 'code=40', 'code=', 'example=', '404'])
    it(`Prefer: ${prefer}`, async () => {
      const mock = await start({ api: 'zenlayer' });
      const { response, json } = await releaseDisk(mock.url, prefer);
      expect(response.status).toBe(200);
      expect(json).toEqual({ requestId: json.requestId, response: { requestId: json.requestId } });
    });
});

describe('Prefer values it reads', () => {
  it('spaces around names and values, and either order', async () => {
    const mock = await start({ api: 'zenlayer' });
    const spaced = await releaseDisk(mock.url, ' code = 404 , example = OPERATION_FAILED_RESOURCE_NOT_FOUND ');
    expect([spaced.response.status, spaced.json.code]).toEqual([404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND']);
    const reversed = await releaseDisk(mock.url, 'example=OPERATION_FAILED_RESOURCE_NOT_FOUND,code=404');
    expect([reversed.response.status, reversed.json.code]).toEqual([404, 'OPERATION_FAILED_RESOURCE_NOT_FOUND']);
  });

  it('a status alone is answered with its first documented example', async () => {
    const mock = await start({ api: 'zenlayer' });
    const { response, json } = await releaseDisk(mock.url, 'code=404');
    expect([response.status, json.code]).toEqual([404, 'INVALID_DISK_NOT_FOUND']);
  });

  it('Zenlayer: an example alone is answered under the status that documents it', async () => {
    const mock = await start({ api: 'zenlayer' });
    const { response, json } = await releaseDisk(mock.url, 'example=INVALID_DISK_NOT_FOUND');
    expect(response.status).toBe(404);
    expect(json.code).toBe('INVALID_DISK_NOT_FOUND');
  });

  it.each([429, 503])('a documented %i asked for comes without an invented Retry-After', async (status) => {
    const mock = await start({ api: 'zenlayer' });
    const { response } = await releaseDisk(mock.url, `code=${status}`);
    expect(response.status).toBe(status);
    expect(response.headers.get('retry-after')).toBeNull();
  });

  it('Neutron: an example alone is answered under its status, that example and not the first', async () => {
    const mock = await start({ api: 'neutron' });
    const { response, json } = await deletePort(mock.url, 'example=HTTPNotFound');
    expect(response.status).toBe(404);
    expect(json).toMatchObject({ NeutronError: { type: 'HTTPNotFound' } });
  });
});

describe('the mock’s own 418 for a choice the operation does not document', () => {
  it('a misspelled example names the examples documented for that status, and no website', async () => {
    const mock = await start({ api: 'zenlayer' });
    const { response, json } = await releaseDisk(mock.url, 'code=404, example=INVALID_DISK_NOT_FOUNDD');
    expectMockError(response, 'undocumented-example');
    expect(json).toEqual({
      type: 'urn:cloud-release:mock-error:undocumented-example',
      title: 'ReleaseDisk documents no example INVALID_DISK_NOT_FOUNDD for status 404',
      detail:
        'Prefer asked for example INVALID_DISK_NOT_FOUNDD; the examples ReleaseDisk documents for 404 are: INVALID_DISK_NOT_FOUND, OPERATION_FAILED_RESOURCE_NOT_FOUND.',
    });
    expect(JSON.stringify(json)).not.toMatch(/https?:|stoplight/i);
  });

  it('Neutron: an undocumented example under 409 is a 418, not a 204 success', async () => {
    const mock = await start({ api: 'neutron' });
    const { response, json } = await deletePort(mock.url, 'code=409, example=PortInUse');
    expectMockError(response, 'undocumented-example');
    expect(json).toMatchObject({ title: 'DeletePort documents no example PortInUse for status 409' });
  });

  it('an example alone that no status documents lists every status with its examples', async () => {
    const lines: string[] = [];
    const mock = await start({ api: 'neutron', log: (line) => lines.push(line) });
    const { response, json } = await deletePort(mock.url, 'example=Nope');
    expectMockError(response, 'undocumented-example');
    // Not dressed as Neutron: no request id a client could take for the API's.
    expect(response.headers.get('x-openstack-request-id')).toBeNull();
    expect(json).toEqual({
      type: 'urn:cloud-release:mock-error:undocumented-example',
      title: 'DeletePort documents no example Nope',
      detail:
        'Prefer asked for example Nope; the examples DeletePort documents are — 204: none (the answer has no body); 400: HTTPBadRequest, BadRequest; 401: Unauthorized; 403: PolicyNotAuthorized, InvalidScope; 404: PortNotFound, HTTPNotFound; 409: ServicePortInUse, PortInUseAsTrunkParent; 412: RevisionNumberConstraintFailed.',
    });
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^neutron DELETE /v2\\.0/ports/${PORT_ID} DeletePort -> 418 mock-error undocumented-example [\\d.]+ms$`,
        ),
      ),
    ]);
  });

  it('an example under a status without a body says there are none', async () => {
    const mock = await start({ api: 'neutron' });
    const { response, json } = await deletePort(mock.url, 'code=204, example=X');
    expect(response.status).toBe(418);
    expect(json).toEqual({
      type: 'urn:cloud-release:mock-error:undocumented-example',
      title: 'DeletePort documents no example X for status 204',
      detail:
        'Prefer asked for example X; the examples DeletePort documents for 204 are: none (the answer has no body).',
    });
  });

  it('Zenlayer: an undocumented status is problem+json with no envelope, logged with the operation', async () => {
    const lines: string[] = [];
    const mock = await start({ api: 'zenlayer', log: (line) => lines.push(line) });
    const { response, json } = await releaseDisk(mock.url, 'code=299');
    expectMockError(response, 'undocumented-status');
    expect(json).toEqual({
      type: 'urn:cloud-release:mock-error:undocumented-status',
      title: 'ReleaseDisk documents no status 299',
      detail: 'Prefer asked for status 299; ReleaseDisk documents: 200, 400, 401, 404, 429, 500, 503.',
    });
    expect(lines).toEqual([
      expect.stringMatching(
        /^zenlayer POST \/api\/v2\/zec ReleaseDisk -> 418 mock-error undocumented-status [\d.]+ms$/,
      ),
    ]);
  });
});

describe('preferringFetch', () => {
  it('asks for the documented answer on every request, over a Prefer the caller set', async () => {
    const mock = await start({ api: 'zenlayer' });
    const notFound = preferringFetch({ status: 404, example: 'OPERATION_FAILED_RESOURCE_NOT_FOUND' });
    for (const prefer of [undefined, 'code=200']) {
      const response = await notFound(`${mock.url}/api/v2/zec`, zenlayerInit(prefer));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ code: 'OPERATION_FAILED_RESOURCE_NOT_FOUND' });
    }
    const limited = await preferringFetch({ status: 429 })(`${mock.url}/api/v2/zec`, zenlayerInit());
    expect(limited.status).toBe(429);
  });

  it('hands the request, Prefer set, to the fetch it wraps', async () => {
    const seen: Request[] = [];
    const base = async (input: RequestInfo | URL) => {
      seen.push(input as Request);
      return new Response(null, { status: 204 });
    };
    const wrapped = preferringFetch({ status: 409, example: 'PortInUseAsTrunkParent' }, base as typeof fetch);
    const response = await wrapped('http://127.0.0.1:1/v2.0/ports/p', { method: 'DELETE', headers: { a: 'b' } });
    expect(response.status).toBe(204);
    expect(seen.map((r) => [r.method, r.url, r.headers.get('a'), r.headers.get('prefer')])).toEqual([
      ['DELETE', 'http://127.0.0.1:1/v2.0/ports/p', 'b', 'code=409, example=PortInUseAsTrunkParent'],
    ]);
  });
});
