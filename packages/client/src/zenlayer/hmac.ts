// SHA-256 and HMAC-SHA256 from two sources: node:crypto where it exists (synchronous, a few
// µs a signature) and WebCrypto everywhere else (browsers, edge runtimes; asynchronous). Why
// node:crypto is looked up at run time with process.getBuiltinModule, never imported: no
// static `node:` import keeps the package bundlable, and the minimal shape typed here keeps
// Node's own types (@types/node) out of the package's public types.
import { ValidationError } from '../transport/errors.js';

interface Hasher {
  update(data: string | Uint8Array, encoding?: 'utf8'): Hasher;
  digest(encoding: 'hex'): string;
}
interface NodeCrypto {
  createHash(algorithm: 'sha256'): Hasher;
  createHmac(algorithm: 'sha256', key: unknown): Hasher;
  createSecretKey(key: string, encoding: 'utf8'): { export(): Uint8Array };
}

let loaded: NodeCrypto | null | undefined;
/** node:crypto, looked up once; undefined where the runtime has none. */
export function nodeCrypto(): NodeCrypto | undefined {
  if (loaded === undefined) {
    const runtime = globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } };
    loaded = (runtime.process?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined) ?? null;
  }
  return loaded ?? undefined;
}

/** node:crypto, or a ValidationError saying what to use instead. */
export function requireNodeCrypto(): NodeCrypto {
  const crypto = nodeCrypto();
  if (!crypto) {
    throw new ValidationError(
      'crypto',
      'node:crypto',
      'the synchronous signing functions need node:crypto; here use signatureAsync / authorizationHeaderAsync (WebCrypto)',
    );
  }
  return crypto;
}

const encoder = new TextEncoder();
export const utf8 = (data: string | Uint8Array): Uint8Array => (typeof data === 'string' ? encoder.encode(data) : data);
const hex = (bytes: ArrayBuffer) => Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

export function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new ValidationError('crypto', 'WebCrypto', 'ZC2-HMAC-SHA256 signing needs WebCrypto or node:crypto');
  return s;
}

export const sha256HexAsync = async (data: string | Uint8Array) =>
  hex(await subtle().digest('SHA-256', utf8(data) as Uint8Array<ArrayBuffer>));

export const hmacHexAsync = async (key: CryptoKey, data: string) =>
  hex(await subtle().sign('HMAC', key, utf8(data) as Uint8Array<ArrayBuffer>));
