// The Zenlayer client at its edges, as a caller sees them: its printed face for each kind of
// credential, the timestamp of a clock that is not on a whole second (and the signature over
// it), and what a companion answers when the 200 envelope's `response` is not an object.
import { createHash, createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createZenlayerClient } from '../src/index.js';
import { serverPerTest } from './support/server-per-test.js';

const servers = serverPerTest();

describe('a client printed', () => {
  it('signed: the base URL, the method and the access key id, the password masked', () => {
    const zc = createZenlayerClient({ accessKeyId: 'AK-1', accessKeyPassword: 'pw-SECRET', baseUrl: 'http://zc.test' });
    const face = '{"baseUrl":"http://zc.test","auth":"ZC2-HMAC-SHA256 (accessKeyId AK-1, password ***)"}';
    expect(String(zc)).toBe(`ZenlayerClient ${face}`);
    expect(inspect(zc)).toBe(`ZenlayerClient ${face}`);
    expect(JSON.stringify(zc)).toBe(face);
  });

  it('bearer: the token masked', () => {
    const zc = createZenlayerClient({ bearerToken: 'tok-SECRET' });
    expect(String(zc)).toBe('ZenlayerClient {"baseUrl":"https://console.zenlayer.com","auth":"Bearer ***"}');
  });
});

describe('the timestamp', () => {
  it('is the clock’s whole seconds, rounded down, and the signature is over that value', async () => {
    const server = await servers.start();
    const zc = createZenlayerClient({
      accessKeyId: 'AK-1',
      accessKeyPassword: 'pw',
      baseUrl: server.url,
      now: () => new Date('2026-11-23T08:00:00.999Z'),
    });
    await zc.releaseDisk('disk-1');
    const [r] = server.requests;
    expect(r!.headers['x-zc-timestamp']).toBe(String(Date.parse('2026-11-23T08:00:00Z') / 1000));
    const sha = (d: string | Buffer) => createHash('sha256').update(d).digest('hex');
    const canonical = `POST\n/\n\ncontent-type:application/json\nhost:${server.host}\n\ncontent-type;host\n${sha(r!.body)}`;
    const toSign = `ZC2-HMAC-SHA256\n${r!.headers['x-zc-timestamp']}\n${sha(canonical)}`;
    expect(r!.headers.authorization).toBe(
      `ZC2-HMAC-SHA256 Credential=AK-1, SignedHeaders=content-type;host, Signature=${createHmac('sha256', 'pw').update(toSign).digest('hex')}`,
    );
  });
});

describe('a companion’s answer', () => {
  it.each([
    ['a string', 'done'],
    ['null', null],
    ['absent', undefined],
  ])('an envelope whose response is %s answers the request id alone', async (_, response) => {
    const server = await servers.start(() => ({ status: 200, body: { requestId: 'T-1', response } }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc.terminateInstance('i-1')).resolves.toEqual({ requestId: 'T-1' });
  });

  it('the envelope’s requestId is the one answered, whatever the response says', async () => {
    const item = { instanceId: 'i-1', instanceStatus: 'RUNNING' };
    const server = await servers.start(() => ({
      status: 200,
      body: { requestId: 'T-outer', response: { requestId: 'T-inner', totalCount: 1, dataSet: [item] } },
    }));
    const zc = createZenlayerClient({ bearerToken: 't', baseUrl: server.url });
    await expect(zc.describeInstances(['i-1'])).resolves.toEqual({
      requestId: 'T-outer',
      totalCount: 1,
      dataSet: [item],
    });
  });
});
