// ZC2-HMAC-SHA256 against the vendor's documented test vector.
import { describe, expect, it } from 'vitest';
import { authorizationHeader, canonicalRequest, signature, signingKey } from '../src/index.js';

const vector = {
  body: '{"pageSize":10,"pageNum":1,"zoneId":"HKG-A"}',
  contentType: 'application/json; charset=utf-8',
  host: 'console.zenlayer.com',
  timestamp: 1673361177,
};

describe('ZC2-HMAC-SHA256', () => {
  it('reproduces the documented signature', async () => {
    expect(await signature(vector, await signingKey('Gu5t9xGARNpq86cd98joQYCN3'))).toBe(
      'efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f',
    );
  });

  it('builds the canonical request with lower-cased headers and a blank line after them', async () => {
    const canonical = await canonicalRequest({ ...vector, host: ' Console.Zenlayer.com ' });
    expect(canonical.split('\n').slice(0, 7)).toEqual([
      'POST', '/', '', 'content-type:application/json; charset=utf-8', 'host:console.zenlayer.com', '', 'content-type;host',
    ]);
    expect(canonical.split('\n')[7]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('formats the Authorization header', async () => {
    expect(await authorizationHeader(vector, 'AK-ID', await signingKey('Gu5t9xGARNpq86cd98joQYCN3'))).toBe(
      'ZC2-HMAC-SHA256 Credential=AK-ID, SignedHeaders=content-type;host, Signature=efb356c32e55c781e10dc676da59462c22596d82e91c57803666243379555b2f',
    );
  });
});
