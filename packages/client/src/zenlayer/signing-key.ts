// The AccessKeyPassword held as a key that never prints it: its bytes are in a private field,
// which neither util.inspect, JSON.stringify nor a walk of the key's properties reaches.
import { type KeyMaterial, keyMaterial, readKeysWith } from './key-material.js';

/** A signing key made from an AccessKeyPassword with {@link signingKey}. Prints as `SigningKey`. */
export class SigningKey {
  readonly #material: KeyMaterial;
  static {
    readKeysWith((secret) => (#material in secret ? (secret as SigningKey).#material : undefined));
  }
  /** Prefer {@link signingKey}. */
  constructor(accessKeyPassword: string) {
    this.#material = keyMaterial(accessKeyPassword);
  }
  toJSON(): string {
    return 'SigningKey';
  }
  toString(): string {
    return 'SigningKey';
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return 'SigningKey';
  }
}

/**
 * Wraps the AccessKeyPassword (raw UTF-8, no key derivation) in a {@link SigningKey}, so a
 * client can hold the key rather than the password string.
 */
export function signingKey(accessKeyPassword: string): SigningKey {
  return new SigningKey(accessKeyPassword);
}
