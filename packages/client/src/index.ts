// The typed openapi-fetch clients, straight from the spec.
export * from './generated-clients.js';
// The clients users call: signing, typed errors, retries, batching.
export {
  createZenlayerClient,
  CONTENT_TYPE,
  DEFAULT_API_VERSIONS,
  DEFAULT_CONCURRENCY,
  DEFAULT_TIMEOUT_MS,
  type BatchProgress,
  type ReleaseInstancesOptions,
  type ReleaseInstancesResult,
  type ReleaseOptions,
  type ReleaseResult,
  type ZenlayerClient,
  type ZenlayerClientOptions,
  type ZenlayerCredentials,
  type ZenlayerService,
} from './zenlayer/client.js';
export { NOT_FOUND_CODES, ZenlayerApiError } from './zenlayer/errors.js';
export { ZenlayerBatchError, type FailedBatch, type ReleasedBatch } from './zenlayer/batch-error.js';
export { MAX_IDS_PER_REQUEST } from './zenlayer/validate.js';
export {
  authorizationHeader,
  canonicalRequest,
  signature,
  signingKey,
  stringToSign,
  SIGNATURE_METHOD,
  SIGNED_HEADERS,
  type SignInput,
  type SigningSecret,
} from './zenlayer/signing.js';
export {
  createNeutronClient,
  PORT_ID_PATTERN,
  type DeletePortOptions,
  type DeletePortResult,
  type NeutronClient,
  type NeutronClientOptions,
} from './neutron/client.js';
export { NeutronApiError } from './neutron/errors.js';
export { NetworkError, TimeoutError, ValidationError } from './transport/errors.js';
export { DEFAULT_RETRY, type RetryOptions } from './transport/retry.js';
export type * from './zenlayer/types.js';
export type * from './neutron/types.js';
export {
  dryRunFetch,
  DRY_RUN_REQUEST_ID,
  maskCredentials,
  observingFetch,
  type ObservedRequest,
  type ObservedResponse,
  type ObserverHooks,
} from './transport/observe.js';
