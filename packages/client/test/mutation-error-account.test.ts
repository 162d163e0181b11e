// The account an error gives of a refused or partly done release: the batch error's message
// (what the CLI prints), the facts read from an error answer that is not the documented
// envelope, and the safe face a client shows when printed (issue 15: survivors in
// zenlayer/batch-error.ts, zenlayer/errors.ts, neutron/errors.ts and transport/redact.ts).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createNeutronClient, createZenlayerClient, NeutronApiError, ZenlayerApiError } from '../src/index.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

function zenlayerAnswer(response: () => Response) {
  return createZenlayerClient({
    bearerToken: 't',
    baseUrl: 'http://zenlayer.test',
    retry: false,
    fetch: async () => response(),
  });
}

function neutronAnswer(response: () => Response) {
  return createNeutronClient({ baseUrl: 'http://neutron.test', token: 'tok', fetch: async () => response() });
}

const long = `<html>${'x'.repeat(300)}</html>`;

/** Answers without the envelope, each with the apiMessage a caller gets from it. */

const NOT_ENVELOPES: Array<[string, () => Response, string]> = [
  ['an HTML page: its start, trimmed', () => new Response(`  ${long}  `, { status: 502 }), long.slice(0, 200)],
  ['an empty body: the status text', () => new Response('', { status: 502, statusText: 'Bad Gateway' }), 'Bad Gateway'],
  ['nothing at all', () => new Response('', { status: 502 }), 'no message'],
];

describe('an error answer that is not the documented envelope', () => {
  it.each(NOT_ENVELOPES)('Zenlayer, %s', async (_, response, apiMessage) => {
    const error = await zenlayerAnswer(response)
      .releaseDisk('disk-1')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZenlayerApiError);
    expect(error).toMatchObject({ status: 502, apiMessage, requestId: undefined, outcome: 'refused' });
  });

  it.each(NOT_ENVELOPES)('Neutron, %s', async (_, response, apiMessage) => {
    const error = await neutronAnswer(response)
      .deletePort(PORT)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NeutronApiError);
    expect(error).toMatchObject({ status: 502, apiMessage, requestId: undefined, outcome: 'refused' });
  });

  it('an empty requestId or type is no requestId or type', async () => {
    const json = (body: unknown) => () =>
      new Response(JSON.stringify(body), { status: 409, headers: { 'content-type': 'application/json' } });
    await expect(
      zenlayerAnswer(json({ requestId: '', code: '', message: 'm' })).releaseDisk('d'),
    ).rejects.toMatchObject({ requestId: undefined, code: undefined, apiMessage: 'm' });
    await expect(
      neutronAnswer(json({ NeutronError: { type: '', message: '' } })).deletePort(PORT),
    ).rejects.toMatchObject({ type: undefined, apiMessage: 'no message' });
  });
});

describe('a client printed shows its endpoint, never its secret', () => {
  const ne = createNeutronClient({ baseUrl: 'http://neutron.test:9696', token: 'tok-SECRET' });
  it('JSON, String and inspect show the base URL and a mask', () => {
    expect(JSON.parse(JSON.stringify(ne))).toEqual({ baseUrl: 'http://neutron.test:9696', token: '***' });
    expect(String(ne)).toBe('NeutronClient {"baseUrl":"http://neutron.test:9696","token":"***"}');
    expect(inspect(ne)).toBe('NeutronClient {"baseUrl":"http://neutron.test:9696","token":"***"}');
  });

  it('the face adds no enumerable key: a spread copy is the methods only', () => {
    expect(Object.keys(ne).sort()).toEqual(['deletePort', 'getPort', 'listPorts']);
  });
});
