// What Neutron's DELETE reads from a request, as a client sees it: If-Match as an etag list whose
// revision_number entry counts (a malformed one is neutron-lib's BadRequest), and no body.
import { describe, expect, it } from 'vitest';
import { PORT_ID, start } from './support/mocks.js';

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

describe('a Neutron DELETE reads If-Match as an etag list, and takes no body', () => {
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
