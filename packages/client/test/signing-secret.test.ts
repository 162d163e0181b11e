// A signing secret that is neither the password nor a SigningKey made by signingKey() (a spread
// or cloned copy of a key holds no key) is refused, the same way by both forms: never a
// signature made with an empty key.
import { describe, expect, it } from 'vitest';
import { type SigningKey, signature, signatureAsync, signingKey, ValidationError } from '../src/index.js';
import { PASSWORD, SIGNATURE, vector } from './support/vector.js';

const copy = { ...signingKey(PASSWORD) } as SigningKey;
const refusal = {
  name: 'ValidationError',
  field: 'secret',
  limit: 'the AccessKeyPassword or a SigningKey',
  message:
    'the signing secret must be the AccessKeyPassword or a SigningKey made by signingKey() (a copy of a key holds no key)',
};

describe('a copy of a signing key', () => {
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
