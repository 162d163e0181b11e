// The bytes behind each SigningKey, in a WeakMap only this module reads: neither
// util.inspect, JSON.stringify nor a walk of the key's properties can reach them. (Kept apart
// from signing-key.ts so that WebCrypto's types stay out of the package's public types.)
import { ValidationError } from '../transport/errors.js';
import { nodeCrypto, subtle, utf8 } from './hmac.js';

interface Material {
  /** node:crypto's KeyObject, where node:crypto exists. */
  node?: { export(): Uint8Array };
  /** The raw bytes, where it does not (WebCrypto imports them on first use). */
  raw?: Uint8Array;
  web?: Promise<CryptoKey>;
}
const materials = new WeakMap<object, Material>();

export function holdKey(key: object, password: string): void {
  const crypto = nodeCrypto();
  materials.set(key, crypto ? { node: crypto.createSecretKey(password, 'utf8') } : { raw: utf8(password) });
}

/** A SigningKey's material; any other object (a copy of a key, say) holds none and is refused. */
function materialOf(secret: object): Material {
  const m = materials.get(secret);
  if (!m) {
    throw new ValidationError(
      'secret',
      'the AccessKeyPassword or a SigningKey',
      'the signing secret must be the AccessKeyPassword or a SigningKey made by signingKey() (a copy of a key holds no key)',
    );
  }
  return m;
}

/** The key for node:crypto's createHmac (a KeyObject), or the password string as given. */
export function nodeKey(secret: string | object): unknown {
  return typeof secret === 'string' ? secret : materialOf(secret).node;
}

/** The key for WebCrypto's HMAC, imported once per SigningKey. */
export function webKey(secret: string | object): Promise<CryptoKey> {
  const m: Material = typeof secret === 'string' ? { raw: utf8(secret) } : materialOf(secret);
  m.web ??= subtle().importKey(
    'raw',
    // Every material holds its raw bytes or a KeyObject (holdKey makes one or the other).
    (m.raw ?? m.node!.export()) as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return m.web;
}
