// node:crypto in the browser build, as far as the mock uses it. Zenlayer's signature check and
// the control plane's token check run inside a synchronous stage, and WebCrypto's digests are
// asynchronous: SHA-256 and HMAC come from @noble/hashes (audited, synchronous), the ids from
// the page's own crypto.randomUUID (a service worker always has it: it needs a secure origin).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** @param {string | Uint8Array} data */
const bytesOf = (data) => (typeof data === 'string' ? utf8ToBytes(data) : data);

/** @param {string} algorithm */
const onlySha256 = (algorithm) => {
  if (algorithm !== 'sha256') throw new Error(`${algorithm} is not in the mock's browser build (sha256 only)`);
};

/**
 * A node:crypto Hash or Hmac over a @noble/hashes one: updates take strings or bytes and chain,
 * the digest is hex or the bytes.
 * @param {{ update(bytes: Uint8Array): unknown; digest(): Uint8Array }} noble
 */
const nodeStyle = (noble) => {
  const self = {
    /** @param {string | Uint8Array} data */
    update(data) {
      noble.update(bytesOf(data));
      return self;
    },
    /** @param {string} [encoding] */
    digest(encoding) {
      const bytes = noble.digest();
      if (encoding === undefined) return bytes;
      if (encoding === 'hex') return bytesToHex(bytes);
      throw new Error(`digest(${JSON.stringify(encoding)}) is not in the mock's browser build (hex or bytes only)`);
    },
  };
  return self;
};

/** @param {string} algorithm */
export function createHash(algorithm) {
  onlySha256(algorithm);
  return nodeStyle(sha256.create());
}

/**
 * @param {string} algorithm
 * @param {string | Uint8Array} key
 */
export function createHmac(algorithm, key) {
  onlySha256(algorithm);
  return nodeStyle(hmac.create(sha256, bytesOf(key)));
}

/**
 * Equal bytes, compared without stopping at the first difference (as node:crypto's).
 * @param {Uint8Array} a
 * @param {Uint8Array} b
 */
export function timingSafeEqual(a, b) {
  if (a.length !== b.length) throw new RangeError('Input buffers must have the same byte length');
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= /** @type {number} */ (a[i]) ^ /** @type {number} */ (b[i]);
  return difference === 0;
}

export const randomUUID = () => globalThis.crypto.randomUUID();
