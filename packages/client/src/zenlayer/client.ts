// createZenlayerClient(): the three release actions and their companion reads and moves,
// signed, typed, retried only when the API says "later", batched, and never holding a secret
// where it could be printed. The calls themselves are in calls.ts; this puts them together.
import { MASK, withSafeFace } from '../transport/redact.js';
import { sender } from '../transport/wire.js';
import { zenlayerCalls } from './calls.js';
import type { ZenlayerClient } from './client-types.js';
import { companionMethods } from './companions.js';
import { resolveOptions, type ZenlayerClientOptions } from './options.js';
import { releaseInstances } from './release-instances.js';
import { signedHeaders } from './signed-request.js';
import { SIGNATURE_METHOD } from './signing.js';
import { requireId } from './validate.js';

/**
 * The Zenlayer client: ReleaseInstances, ReleaseDisk and DestroyPort, each signed with
 * ZC2-HMAC-SHA256 (or sent with a bearer token), typed errors, bounded retries of "later"
 * answers, a per-attempt timeout, and input checked against the spec before anything is sent.
 *
 * @throws ValidationError at once for missing or ambiguous credentials or a bad option.
 * @example
 * const zc = createZenlayerClient({ accessKeyId, accessKeyPassword });
 * const { batches } = await zc.releaseInstances(ids, { ignoreMissing: true, onBatch: (p) => console.log(p.index) });
 */
export function createZenlayerClient(options: ZenlayerClientOptions): ZenlayerClient {
  const { auth, baseUrl, now, timeoutMs, retry, concurrency, versions, fetch, maxResponseBytes } =
    resolveOptions(options);
  // The host is the base URL's: every path is relative to it. URL.host is lower-case and
  // carries the port only when it is not the scheme's default, exactly the Host fetch sends.
  const host = new URL(baseUrl).host;
  const calls = zenlayerCalls({
    baseUrl,
    timeoutMs,
    retry,
    now,
    versions,
    send: sender(fetch, maxResponseBytes),
    headers: signedHeaders(auth, host, now),
  });
  const client: ZenlayerClient = {
    releaseInstances: async (ids, opts = {}) => releaseInstances(calls.releaseBatch, ids, opts, concurrency),
    async releaseDisk(diskId, opts = {}) {
      const id = requireId('diskId', diskId);
      return calls.release('ReleaseDisk', [id], { diskId: id }, { ...opts, subject: `disk ${id}` });
    },
    async destroyPort(portId, opts = {}) {
      const id = requireId('portId', portId);
      return calls.release('DestroyPort', [id], { portId: id }, { ...opts, subject: `port ${id}` });
    },
    ...companionMethods(calls.companion),
  };
  return withSafeFace(client, 'ZenlayerClient', () => ({
    baseUrl,
    auth:
      auth.kind === 'bearer'
        ? `Bearer ${MASK}`
        : `${SIGNATURE_METHOD} (accessKeyId ${auth.accessKeyId}, password ${MASK})`,
  }));
}
