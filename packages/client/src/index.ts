// The typed openapi-fetch clients, straight from the spec.
export { describeIds } from './describe-ids.js';
export * from './generated-clients.js';
export {
  createNeutronClient,
  type DeletePortOptions,
  type DeletePortResult,
  type NeutronClient,
  type NeutronClientOptions,
  PORT_ID_PATTERN,
} from './neutron/client.js';
export { NeutronApiError } from './neutron/errors.js';
export type { ListPortsFilter, NeutronReadOptions, NeutronReads } from './neutron/reads.js';
export type * from './neutron/types.js';
// Waiters and teardown flows, built on the clients' public methods.
export {
  isNeutronTransient,
  judgeNeutronGone,
  NEUTRON_PORT_STATUSES,
  NEUTRON_WAIT,
} from './teardown/acceptors-neutron.js';
export {
  isZenlayerTransient,
  judgeZenlayer,
  ZENLAYER_TABLES,
  ZENLAYER_TRANSIENT_CODES,
  ZENLAYER_WAIT,
  type ZenlayerTable,
  type ZenlayerTarget,
  type ZenlayerType,
} from './teardown/acceptors-zenlayer.js';
export type { NeutronTeardownClient, PortView, ZenlayerTeardownClient } from './teardown/clients.js';
export { teardown } from './teardown/flow.js';
export { DEFAULT_TEARDOWN_CONCURRENCY, MAX_TEARDOWN_CONCURRENCY } from './teardown/input.js';
export { type PortRefusal, portRefusal } from './teardown/neutron-refusals.js';
export { type Observed, type PlannedSteps, stepsFor } from './teardown/steps-for.js';
export type {
  ChangingStep,
  StepEvent,
  TeardownInput,
  TeardownOptions,
  TeardownOutcome,
  TeardownResource,
  TeardownResult,
  TeardownStep,
  TeardownType,
} from './teardown/types.js';
export {
  type IdVerdict,
  type Poll,
  REAL_CLOCK,
  type Verdict,
  type WaiterClock,
  type WaiterOptions,
  type WaiterResult,
  type WaiterState,
  type WaiterTimings,
  type WaitSpec,
  waitFor,
} from './teardown/waiter.js';
export { waitUntilNeutronPortsGone } from './teardown/waiters-neutron.js';
export {
  DESCRIBE_BATCH,
  waitForZenlayer,
  waitUntilDisksGone,
  waitUntilDisksInRecycleBin,
  waitUntilInstancesGone,
  waitUntilInstancesInRecycleBin,
  waitUntilPortsGone,
  waitUntilPortsInRecycleBin,
} from './teardown/waiters-zenlayer.js';
export {
  CloudReleaseError,
  NetworkError,
  type Outcome,
  OutcomeUnknownError,
  RedirectError,
  TimeoutError,
  type UnknownReason,
  ValidationError,
} from './transport/errors.js';
export {
  DRY_RUN_REQUEST_ID,
  dryRunFetch,
  maskCredentials,
  type ObservedRequest,
  type ObservedResponse,
  type ObserverHooks,
  observingFetch,
} from './transport/observe.js';
export { DEFAULT_TIMEOUT_MS } from './transport/options.js';
export { redactUrl } from './transport/redact.js';
export { DEFAULT_MAX_RESPONSE_BYTES } from './transport/response-limit.js';
export { DEFAULT_RETRY, type RetryOptions } from './transport/retry.js';
export { SDK_LANG, SDK_VERSION } from './version.js';
export {
  type BatchAccount,
  type FailedBatch,
  type ReleasedBatch,
  ZenlayerBatchError,
} from './zenlayer/batch-error.js';
// The clients users call: signing, typed errors, retries, batching.
export { createZenlayerClient } from './zenlayer/client.js';
export type {
  BatchProgress,
  BatchStart,
  ReleaseInstancesOptions,
  ReleaseInstancesResult,
  ReleaseOptions,
  ReleaseResult,
  ZenlayerClient,
} from './zenlayer/client-types.js';
export {
  type CompanionOptions,
  type DescribeOptions,
  MAX_PAGE_SIZE,
  type ZenlayerCompanions,
} from './zenlayer/companions.js';
export { ALREADY_GONE_CODES, NOT_FOUND_CODES, ZenlayerApiError, type ZenlayerEdgeCode } from './zenlayer/errors.js';
export {
  CONTENT_TYPE,
  DEFAULT_API_VERSIONS,
  DEFAULT_CONCURRENCY,
  type ZenlayerClientOptions,
  type ZenlayerCredentials,
  type ZenlayerService,
} from './zenlayer/options.js';
export {
  authorizationHeader,
  authorizationHeaderAsync,
  canonicalRequest,
  SIGNATURE_METHOD,
  SIGNED_HEADERS,
  type SignInput,
  SigningKey,
  type SigningSecret,
  signature,
  signatureAsync,
  signingKey,
  stringToSign,
} from './zenlayer/signing.js';
export type * from './zenlayer/types.js';
export { MAX_IDS_PER_REQUEST } from './zenlayer/validate.js';
