// ZC2-HMAC-SHA256: against the vendor's documented test vector, step by step (the expected
// intermediate hashes were computed outside this package, with Python hashlib/hmac); a secret
// that is no key refused by both forms; and on the wire, each request's Authorization
// recomputed from what arrived — a fresh timestamp per attempt (the clock's whole seconds), the
// Host as fetch sends it.
import { createHash, createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  authorizationHeader,
  canonicalRequest,
  createZenlayerClient,
  type SigningKey,
  signature,
  signatureAsync,
  signingKey,
  stringToSign,
  ValidationError,
} from '../src/index.js';
import {
  accepted,
  type Captured,
  type CaptureServer,
  startCaptureServer,
  zenlayerError,
} from './support/capture-server.js';
import { serverPerTest } from './support/server-per-test.js';
import { signedClientSetup, WIRE } from './support/signed-client.js';
import { PASSWORD, SIGNATURE, vector } from './support/vector.js';

describe('ZC2-HMAC-SHA256', () => {
  it('reproduces the documented signature, keyed by the password string or a key made from it', () => {
    expect(signature(vector, PASSWORD)).toBe(SIGNATURE);
    expect(signature(vector, signingKey(PASSWORD))).toBe(SIGNATURE);
  });

  it('hashes the body bytes: a Uint8Array body signs like its UTF-8 string', () => {
    expect(signature({ ...vector, body: new TextEncoder().encode(vector.body) }, PASSWORD)).toBe(SIGNATURE);
  });

  it('builds the documented canonical request, with a blank line after the headers', () => {
    expect(canonicalRequest(vector)).toBe(
      [
        'POST',
        '/',
        '',
        'content-type:application/json; charset=utf-8',
        'host:console.zenlayer.com',
        '',
        'content-type;host',
        '5f714687ba91c606d503467766151206392474accd137ffea6dce2420b67c29a',
      ].join('\n'),
    );
  });

  it('signs the Content-Type and Host values verbatim, as sent (no trimming, no lower-casing)', () => {
    const mixed = { ...vector, host: 'Console.Zenlayer.com', contentType: 'Application/JSON; charset=utf-8' };
    expect(canonicalRequest(mixed)).toContain(
      'content-type:Application/JSON; charset=utf-8\nhost:Console.Zenlayer.com\n',
    );
    expect(signature(mixed, PASSWORD)).not.toBe(SIGNATURE);
  });

  it('builds the string to sign from the timestamp and the canonical request’s hash', () => {
    expect(stringToSign(vector)).toBe(
      'ZC2-HMAC-SHA256\n1673361177\n29396f9dfa0f03820b931e8aa06e20cda197e73285ebd76aceb83f7dede493ee',
    );
  });

  it('changes with any signed input', () => {
    for (const change of [
      { body: `${vector.body} ` },
      { contentType: 'application/json' },
      { host: 'console.zenlayer.com:8443' },
      { timestamp: vector.timestamp + 1 },
    ]) {
      expect(signature({ ...vector, ...change }, PASSWORD)).not.toBe(SIGNATURE);
    }
  });

  it('formats the Authorization header', () => {
    expect(authorizationHeader(vector, 'AK-ID', PASSWORD)).toBe(
      `ZC2-HMAC-SHA256 Credential=AK-ID, SignedHeaders=content-type;host, Signature=${SIGNATURE}`,
    );
  });

  it('a signing key never prints the password', () => {
    const key = signingKey(PASSWORD);
    expect(inspect(key, { showHidden: true, depth: 5 })).not.toContain(PASSWORD);
    expect(JSON.stringify(key)).not.toContain(PASSWORD);
  });

  it('a signing key prints as `SigningKey` wherever a log line or an error puts it', () => {
    const key = signingKey(PASSWORD);
    // Template strings and String() call toString: without it they throw, not print.
    expect(`key=${key}`).toBe('key=SigningKey');
    expect(String(key)).toBe('SigningKey');
    expect(JSON.stringify({ key })).toBe('{"key":"SigningKey"}');
    expect(inspect({ key })).toBe('{ key: SigningKey }');
  });
});

describe('a copy of a signing key: a secret that is no key', () => {
  const copy = { ...signingKey(PASSWORD) } as SigningKey;
  const refusal = {
    name: 'ValidationError',
    field: 'secret',
    limit: 'the AccessKeyPassword or a SigningKey',
    message:
      'the signing secret must be the AccessKeyPassword or a SigningKey made by signingKey() (a copy of a key holds no key)',
  };

  it('is refused by the synchronous form', () => {
    expect(() => signature(vector, copy)).toThrow(ValidationError);
    expect(() => signature(vector, copy)).toThrow(expect.objectContaining(refusal));
  });

  it('is refused by the WebCrypto form, not signed with an empty key', async () => {
    await expect(signatureAsync(vector, copy)).rejects.toMatchObject(refusal);
  });

  it('the key itself still signs, in both forms, as often as asked', async () => {
    const key = signingKey(PASSWORD);
    expect(signature(vector, key)).toBe(SIGNATURE);
    expect(await signatureAsync(vector, key)).toBe(SIGNATURE);
    expect(await signatureAsync(vector, key)).toBe(SIGNATURE);
  });
});

describe('signed requests on the wire', () => {
  const { PASSWORD, NOW } = WIRE;
  let server: CaptureServer;
  const setup = signedClientSetup((s) => {
    server = s;
  });

  // Recomputed here from what arrived, with node:crypto, independently of src/zenlayer/signing.ts.
  function expectedAuthorization(r: Captured, id: string, password: string) {
    const sha = (d: string | Buffer) => createHash('sha256').update(d).digest('hex');
    const canonical = [
      'POST',
      '/',
      '',
      `content-type:${r.headers['content-type']}\nhost:${r.headers.host}\n`,
      'content-type;host',
      sha(r.body),
    ].join('\n');
    const toSign = `ZC2-HMAC-SHA256\n${r.headers['x-zc-timestamp']}\n${sha(canonical)}`;
    return `ZC2-HMAC-SHA256 Credential=${id}, SignedHeaders=content-type;host, Signature=${createHmac('sha256', password).update(toSign).digest('hex')}`;
  }

  it.each([
    ['releaseDisk', '/api/v2/zec', 'ReleaseDisk', '2024-04-01', { diskId: 'disk-1' }],
    ['destroyPort', '/api/v2/sdn', 'DestroyPort', '2023-08-30', { portId: 'port-1' }],
  ] as const)('%s posts to %s, signed', async (method, path, action, version, body) => {
    const { zc } = await setup();
    const result = await zc[method](Object.values(body)[0]!);
    expect(result).toEqual({ requestId: 'T-OK', alreadyGone: false });
    const [r] = server.requests;
    expect(r).toMatchObject({ method: 'POST', path, json: body });
    expect(r!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-zc-action': action,
      'x-zc-version': version,
      'x-zc-timestamp': String(NOW.getTime() / 1000),
      'x-zc-signature-method': 'ZC2-HMAC-SHA256',
      host: server.host,
    });
    expect(r!.headers.authorization).toBe(expectedAuthorization(r!, 'AK-1', PASSWORD));
  });

  it('sends the overridden X-ZC-Version', async () => {
    const { zc } = await setup(undefined, { apiVersions: { vm: '2026-04-01' } });
    await zc.releaseInstances(['i-1']);
    expect(server.requests[0]!.headers['x-zc-version']).toBe('2026-04-01');
  });

  it('re-signs each retry with a fresh timestamp', async () => {
    let clock = NOW.getTime();
    const { zc } = await setup((_, i) => (i === 0 ? zenlayerError(429, 'REQUEST_LIMIT_EXCEEDED') : accepted()), {
      now: () => {
        clock += 5000;
        return new Date(clock);
      },
    });
    await zc.releaseDisk('disk-1');
    const [first, second] = server.requests;
    expect(Number(second!.headers['x-zc-timestamp'])).toBe(Number(first!.headers['x-zc-timestamp']) + 5);
    expect(second!.headers.authorization).toBe(expectedAuthorization(second!, 'AK-1', PASSWORD));
  });

  it('with a bearer token sends Authorization: Bearer and no signature headers', async () => {
    server = await startCaptureServer();
    const zc = createZenlayerClient({ bearerToken: 'tok-SECRET', baseUrl: server.url });
    await zc.destroyPort('port-1');
    expect(server.requests[0]!.headers.authorization).toBe('Bearer tok-SECRET');
    expect(server.requests[0]!.headers['x-zc-timestamp']).toBeUndefined();
    expect(server.requests[0]!.headers['x-zc-signature-method']).toBeUndefined();
  });

  it('signs the Host as fetch sends it: lower-cased, the default port dropped', async () => {
    const seen: Request[] = [];
    const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      seen.push(new Request(input, init));
      return new Response(JSON.stringify({ requestId: 'T1', response: { requestId: 'T1' } }), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      });
    };
    const zc = createZenlayerClient({
      accessKeyId: 'AK-1',
      accessKeyPassword: PASSWORD,
      baseUrl: 'HTTPS://Console.ZENLAYER.com:443',
      fetch,
      now: () => NOW,
    });
    await zc.releaseDisk('disk-1');
    const request = seen[0]!;
    expect(request.url).toBe('https://console.zenlayer.com/api/v2/zec');
    const captured = {
      headers: { ...Object.fromEntries(request.headers), host: 'console.zenlayer.com' },
      body: Buffer.from(await request.text()),
    } as unknown as Captured;
    expect(request.headers.get('authorization')).toBe(expectedAuthorization(captured, 'AK-1', PASSWORD));
  });
});

describe('host casing', () => {
  const NOW = new Date('2026-11-23T08:00:00Z');

  let server: CaptureServer;

  afterEach(async () => server?.close());

  it('signs the Host the server receives when the base URL has upper-case letters', async () => {
    server = await startCaptureServer();
    const port = new URL(server.url).port;
    const zc = createZenlayerClient({
      accessKeyId: 'AK-1',
      accessKeyPassword: 'pw',
      baseUrl: `http://LocalHost:${port}`,
      now: () => NOW,
    });
    await zc.releaseDisk('disk-1');
    const [r] = server.requests;
    expect(r!.headers.host).toBe(`localhost:${port}`);
    const sha = (d: string | Buffer) => createHash('sha256').update(d).digest('hex');
    const canonical = `POST\n/\n\ncontent-type:${r!.headers['content-type']}\nhost:${r!.headers.host}\n\ncontent-type;host\n${sha(r!.body)}`;
    const toSign = `ZC2-HMAC-SHA256\n${r!.headers['x-zc-timestamp']}\n${sha(canonical)}`;
    expect(r!.headers.authorization).toBe(
      `ZC2-HMAC-SHA256 Credential=AK-1, SignedHeaders=content-type;host, Signature=${createHmac('sha256', 'pw').update(toSign).digest('hex')}`,
    );
  });
});

describe('the timestamp', () => {
  const servers = serverPerTest();

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
