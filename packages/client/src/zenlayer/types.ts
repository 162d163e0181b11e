// Names for the generated Zenlayer types, derived from the spec so they follow it.
import type { operations, paths } from '../generated/zenlayer.js';
import type { JsonOf } from '../spec-types.js';

export type { components as ZenlayerComponents, paths as ZenlayerPaths } from '../generated/zenlayer.js';

/**
 * The release actions: DestroyPort | ReleaseDisk | ReleaseInstances. The spec also has their
 * companions (Terminate*, Describe*), which this client does not call yet.
 */
export type ZenlayerAction = Extract<keyof operations, 'DestroyPort' | 'ReleaseDisk' | 'ReleaseInstances'>;

type Responses<A extends ZenlayerAction> = operations[A]['responses'];

/** The error statuses the spec documents for an action. */
export type ZenlayerErrorStatus<A extends ZenlayerAction> = Exclude<keyof Responses<A>, 200>;

/** The error body of an action at one status (or at any documented error status). */
export type ZenlayerErrorBody<
  A extends ZenlayerAction,
  S extends ZenlayerErrorStatus<A> = ZenlayerErrorStatus<A>,
> = JsonOf<Responses<A>[S]>;

/** The union of every `code` an action can answer with, as the spec lists them. */
export type ZenlayerErrorCode<A extends ZenlayerAction = ZenlayerAction> = A extends ZenlayerAction
  ? ZenlayerErrorBody<A> extends { code: infer C }
    ? C
    : never
  : never;

/** The request body of an action. */
export type ZenlayerRequestBody<A extends ZenlayerAction> = NonNullable<
  operations[A]['requestBody']
>['content']['application/json'];

/** The 200 envelope. */
export type ZenlayerAccepted = JsonOf<Responses<'ReleaseInstances'>[200]>;

/** The service path each action is posted to. */
export type ZenlayerPathOf<A extends ZenlayerAction> = {
  [P in keyof paths]: paths[P] extends { post: operations[A] } ? P : never;
}[keyof paths];
