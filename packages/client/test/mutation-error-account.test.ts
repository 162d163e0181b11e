// The account an error gives of a refused or partly done release: the batch error's message
// (what the CLI prints), the facts read from an error answer that is not the documented
// envelope, and the safe face a client shows when printed (issue 15: survivors in
// zenlayer/batch-error.ts, zenlayer/errors.ts, neutron/errors.ts and transport/redact.ts).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  createNeutronClient,
  createZenlayerClient,
  NeutronApiError,
  ZenlayerApiError,
  ZenlayerBatchError,
} from '../src/index.js';
import { apiError as refused, timeout as timedOut } from './support/error-fixtures.js';

const PORT = '6a2ac9a4-3ee5-4b5e-9c5e-0e7c4f9a8d11';

describe('ZenlayerBatchError message: only the parts that happened', () => {
  it('refusals only', () => {
    const e = new ZenlayerBatchError({ released: [], failed: [{ ids: ['i-1'], error: refused }], total: 2 });
    expect(e.message).toBe(
      `ReleaseInstances: 1 of 2 batches failed, 1 instance not released (i-1). ${refused.message}`,
    );
    expect(e.outcome).toBe('refused');
  });

  it('counts batches: entries of one split batch once, entries without a batch index each', () => {
    const split = new ZenlayerBatchError({
      released: [],
      failed: [
        { ids: ['i-1'], error: refused, batch: 1 },
        { ids: ['i-2'], error: refused, batch: 1 },
      ],
      total: 3,
    });
    expect(split.message).toMatch(/^ReleaseInstances: 1 of 3 batches failed, 2 instances not released \(i-1, i-2\)\. /);
    const unindexed = new ZenlayerBatchError({
      released: [],
      failed: [
        { ids: ['i-1'], error: refused },
        { ids: ['i-2'], error: refused },
      ],
      total: 3,
    });
    expect(unindexed.message).toMatch(/^ReleaseInstances: 2 of 3 batches failed, 2 instances not released /);
  });

  it('unknown only', () => {
    const e = new ZenlayerBatchError({
      released: [],
      failed: [],
      unknown: [{ ids: ['i-2'], error: timedOut }],
      total: 1,
    });
    expect(e.message).toBe(
      `ReleaseInstances: 1 of 1 batch with an unknown outcome, 1 instance may have been released (i-2). ${timedOut.message}`,
    );
    expect(e.outcome).toBe('unknown');
  });

  it('stopped only: names the stop reason, and keeps it as the cause', () => {
    const reason = new Error('SIGINT');
    const e = new ZenlayerBatchError({ released: [], failed: [], notSent: ['i-3', 'i-4'], total: 1 }, reason);
    expect(e.message).toBe('ReleaseInstances: 2 instances not sent (i-3, i-4), stopped: SIGINT.');
    expect(e.outcome).toBe('not-sent');
    expect(e.cause).toBe(reason);
  });

  it('not stopped: no cause at all, so a printed error shows none', () => {
    const e = new ZenlayerBatchError({ released: [], failed: [{ ids: ['i-1'], error: refused }], total: 1 });
    expect(Object.hasOwn(e, 'cause')).toBe(false);
    expect(inspect(e)).not.toContain('[cause]');
  });
});

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
