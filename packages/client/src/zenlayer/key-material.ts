// The bytes behind a SigningKey, and the keys node:crypto and WebCrypto make of them. A
// SigningKey holds its material in a private field (signing-key.ts), which only that class can
// read; it hands this module the reader when it is defined. Kept apart from signing-key.ts so
// that WebCrypto's types stay out of the package's public types.
import { ValidationError } from '../transport/errors.js';
import { nodeCrypto, subtle, utf8 } from './hmac.js';

export interface KeyMaterial {
  /** node:crypto's KeyObject, where node:crypto exists. */
  node?: { export(): Uint8Array };
  /** The raw bytes, where it does not (WebCrypto imports them on first use). */
  raw?: Uint8Array;
  web?: Promise<CryptoKey>;
}

export function keyMaterial(password: string): KeyMaterial {
  const crypto = nodeCrypto();
  return crypto ? { node: crypto.createSecretKey(password, 'utf8') } : { raw: utf8(password) };
}

/** Reads a SigningKey's material: undefined for any other object. Set once, by SigningKey. */
let readKey: ((secret: object) => KeyMaterial | undefined) | undefined;

export function readKeysWith(reader: (secret: object) => KeyMaterial | undefined): void {
  readKey ??= reader;
}

/** The password as given, or a SigningKey's material; any other object (a copy of a key, say) is refused. */
export function secretMaterial(secret: string | object): string | KeyMaterial {
  if (typeof secret === 'string') return secret;
  const material = readKey?.(secret);
  if (!material) {
    throw new ValidationError(
      'secret',
      'the AccessKeyPassword or a SigningKey',
      'the signing secret must be the AccessKeyPassword or a SigningKey made by signingKey() (a copy of a key holds no key)',
    );
  }
  return material;
}

/** The key for node:crypto's createHmac: a KeyObject, or the password string as given. */
export function nodeKey(secret: string | KeyMaterial): unknown {
  return typeof secret === 'string' ? secret : secret.node;
}

/** The key for WebCrypto's HMAC, imported once per material. */
export function webKey(secret: string | KeyMaterial): Promise<CryptoKey> {
  const m: KeyMaterial = typeof secret === 'string' ? { raw: utf8(secret) } : secret;
  m.web ??= subtle().importKey(
    'raw',
    // Every material holds its raw bytes or a KeyObject (keyMaterial makes one or the other).
    (m.raw ?? m.node!.export()) as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return m.web;
}
