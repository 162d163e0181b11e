// node:crypto in the browser build, as far as the mock uses it. Zenlayer's signature check and
// the control plane's token check run inside a synchronous stage, and WebCrypto's digests are
// asynchronous: SHA-256 and HMAC come from @noble/hashes (audited, synchronous), the ids from
// the page's own crypto.randomUUID (a service worker always has it: it needs a secure origin).
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** @param {string | Uint8Array} data */
const bytesOf = (data) => (typeof data === 'string' ? utf8ToBytes(data) : data);

/**
 * A digest as node:crypto gives it: hex, or the bytes.
 * @param {Uint8Array} bytes
 * @param {string} [encoding]
 */
const digested = (bytes, encoding) => {
  if (encoding === undefined) return bytes;
  if (encoding === 'hex') return bytesToHex(bytes);
  throw new Error(`digest(${JSON.stringify(encoding)}) is not in the mock's browser build (hex or bytes only)`);
};

/** @param {string} algorithm */
const onlySha256 = (algorithm) => {
  if (algorithm !== 'sha256') throw new Error(`${algorithm} is not in the mock's browser build (sha256 only)`);
};

/** @param {string} algorithm */
export function createHash(algorithm) {
  onlySha256(algorithm);
  const hash = sha256.create();
  const self = {
    /** @param {string | Uint8Array} data */
    update(data) {
      hash.update(bytesOf(data));
      return self;
    },
    /** @param {string} [encoding] */
    digest: (encoding) => digested(hash.digest(), encoding),
  };
  return self;
}

/**
 * @param {string} algorithm
 * @param {string | Uint8Array} key
 */
export function createHmac(algorithm, key) {
  onlySha256(algorithm);
  const mac = hmac.create(sha256, bytesOf(key));
  const self = {
    /** @param {string | Uint8Array} data */
    update(data) {
      mac.update(bytesOf(data));
      return self;
    },
    /** @param {string} [encoding] */
    digest: (encoding) => digested(mac.digest(), encoding),
  };
  return self;
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
