// Answers detail by detail as the providers give them.
import { describe, expect, it } from 'vitest';
import { nowSeconds, PORT_ID, signedHeaders, start } from './support/mocks.js';

async function zenlayer(action: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const mock = await start({ api: 'zenlayer' });
  const response = await fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { ...signedHeaders(nowSeconds()), 'x-zc-action': action, ...headers },
    body: JSON.stringify(body),
  });
  return { response, json: (await response.json()) as Record<string, unknown> };
}
const releaseDisk = (headers: Record<string, string>, body: unknown = { diskId: 'd-1' }) =>
  zenlayer('ReleaseDisk', '/api/v2/zec', body, headers);

async function deletePort(headers: Record<string, string>, init: RequestInit = {}) {
  const mock = await start({ api: 'neutron' });
  const response = await fetch(`${mock.url}/v2.0/ports/${PORT_ID}`, {
    method: 'DELETE',
    ...init,
    headers: { 'x-auth-token': 't', ...headers },
  });
  const text = await response.text();
  return { response, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('no invented Retry-After', () => {
  for (const status of [429, 503])
    it(`a documented ${status} comes without a Retry-After`, async () => {
      const { response } = await releaseDisk({ prefer: `code=${status}` });
      expect(response.status).toBe(status);
      expect(response.headers.get('retry-after')).toBeNull();
    });
});

describe('a Prefer the operation does not document is the mock’s own 418', () => {
  const expectMockError = (response: Response, kind: string) => {
    expect(response.status).toBe(418);
    expect(response.headers.get('x-cloud-release-mock-error')).toBe(kind);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
  };

  it('a misspelled example names the documented examples for that status, and no website', async () => {
    const { response, json } = await releaseDisk({ prefer: 'code=404, example=INVALID_DISK_NOT_FOUNDD' });
    expectMockError(response, 'undocumented-example');
    expect(json).toEqual({
      type: 'urn:cloud-release:mock-error:undocumented-example',
      title: 'ReleaseDisk documents no example INVALID_DISK_NOT_FOUNDD for status 404',
      detail:
        'Prefer asked for example INVALID_DISK_NOT_FOUNDD; the examples ReleaseDisk documents for 404 are: INVALID_DISK_NOT_FOUND, OPERATION_FAILED_RESOURCE_NOT_FOUND.',
    });
    expect(JSON.stringify(json)).not.toMatch(/https?:|stoplight/i);
  });

  it('an undocumented status names the documented statuses', async () => {
    const { response, json } = await releaseDisk({ prefer: 'code=204' });
    expectMockError(response, 'undocumented-status');
    expect(json.detail).toBe('Prefer asked for status 204; ReleaseDisk documents: 200, 400, 401, 404, 429, 500, 503.');
  });

  it('Neutron: an undocumented example under 409 is a 418, not a 204 success', async () => {
    const { response, json } = await deletePort({ prefer: 'code=409, example=PortInUse' });
    expectMockError(response, 'undocumented-example');
    expect(json?.detail).toBe(
      'Prefer asked for example PortInUse; the examples DeletePort documents for 409 are: ServicePortInUse, PortInUseAsTrunkParent.',
    );
  });

  it('a documented example alone is answered under the status that documents it', async () => {
    const { response, json } = await releaseDisk({ prefer: 'example=INVALID_DISK_NOT_FOUND' });
    expect(response.status).toBe(404);
    expect(json.code).toBe('INVALID_DISK_NOT_FOUND');
  });
});

// Validation findings and their wording: zenlayer-violations.test.ts.
describe('Neutron reads If-Match as an etag list', () => {
  for (const ifMatch of [
    'revision_number=4',
    '"revision_number=4"',
    'W/"revision_number=4"',
    '*',
    '*, "revision_number=4"',
    'abc',
  ])
    it(`accepts If-Match: ${ifMatch}`, async () => {
      expect((await deletePort({ 'if-match': ifMatch })).response.status).toBe(204);
    });

  it('uses the revision_number entry (a 412 can be asked for with it)', async () => {
    const { response, json } = await deletePort({ 'if-match': '*, "revision_number=4"', prefer: 'code=412' });
    expect(response.status).toBe(412);
    expect(json).toMatchObject({ NeutronError: { type: 'RevisionNumberConstraintFailed' } });
  });

  // spec/neutron.yaml: neutron-lib's BadRequest, whose type is `BadRequest`.
  for (const ifMatch of ['revision_number=x', '"revision_number="', '*, revision_number=4a'])
    it(`refuses a malformed revision number (${ifMatch}) with 400 BadRequest`, async () => {
      const { response, json } = await deletePort({ 'if-match': ifMatch });
      expect(response.status).toBe(400);
      expect(json).toEqual({
        NeutronError: {
          type: 'BadRequest',
          message: expect.stringMatching(
            /^Bad port request: Revision number must be an integer in If-Match, got revision_number=/,
          ),
          detail: '',
        },
      });
    });

  it('refuses a body sent with the DELETE', async () => {
    const { response, json } = await deletePort({ 'content-type': 'application/json' }, { body: '{"port":{}}' });
    expect(response.status).toBe(400);
    expect(json).toEqual({
      NeutronError: { type: 'HTTPBadRequest', message: 'Request body is not supported in DELETE.', detail: '' },
    });
  });
});

describe('Neutron request ids', () => {
  it('every answer carries a fresh X-Openstack-Request-Id: req-<uuid>', async () => {
    const ids = [
      (await deletePort({})).response,
      (await deletePort({ prefer: 'code=404' })).response,
      (await deletePort({ 'x-auth-token': '' })).response,
    ].map((r) => r.headers.get('x-openstack-request-id'));
    for (const id of ids) expect(id).toMatch(/^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(3);
  });
});
