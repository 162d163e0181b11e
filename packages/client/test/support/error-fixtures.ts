// Errors as the client makes them, shared by the tests of their facts and their messages.
import { TimeoutError, ZenlayerApiError } from '../../src/index.js';

/** A refused release: 403 OPERATION_DENIED_INSTANCE_NOT_RECYCLED for i-1, requestId T-1. */
export const apiError = new ZenlayerApiError(
  'ReleaseInstances',
  ['i-1'],
  403,
  'OPERATION_DENIED_INSTANCE_NOT_RECYCLED',
  'T-1',
  'no',
);
/** A release of i-2 whose outcome is unknown: no answer within 5 ms. */
export const timeout = new TimeoutError('ReleaseInstances i-2: no answer within 5 ms', 'ReleaseInstances', ['i-2'], 5);
