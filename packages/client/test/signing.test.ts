// ZC2-HMAC-SHA256 against the vendor's documented test vector, step by step. The expected
// intermediate hashes were computed outside this package (Python hashlib/hmac).
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { authorizationHeader, canonicalRequest, signature, signingKey, stringToSign } from '../src/index.js';
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
