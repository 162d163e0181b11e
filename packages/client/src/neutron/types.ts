// Names for the generated Neutron types, derived from the spec so they follow it.
import type { operations } from '../generated/neutron.js';
import type { JsonOf } from '../spec-types.js';

export type { components as NeutronComponents, paths as NeutronPaths } from '../generated/neutron.js';

type Responses = operations['DeletePort']['responses'];

/** The statuses answered with Neutron's own `NeutronError` envelope. */
export type NeutronErrorStatus = Exclude<keyof Responses, 204 | 401>;

/** The `NeutronError.type` values the spec documents (the exception class names). */
export type NeutronErrorType = JsonOf<Responses[NeutronErrorStatus]>['NeutronError']['type'];

/** Keystone's 401 body. */
export type KeystoneErrorBody = JsonOf<Responses[401]>;
