// Names for the generated Zenlayer types, derived from the spec so they follow it.
import type { operations, paths } from '../generated/zenlayer.js';
import type { JsonOf } from '../spec-types.js';

export type { components as ZenlayerComponents, paths as ZenlayerPaths } from '../generated/zenlayer.js';

/** The release actions: DestroyPort | ReleaseDisk | ReleaseInstances. */
export type ZenlayerAction = Extract<keyof operations, 'DestroyPort' | 'ReleaseDisk' | 'ReleaseInstances'>;

/** Every operation of the spec: the releases and their companions (Terminate*, Describe*). */
export type ZenlayerOperation = keyof operations;

/** The reads and moves real clients make around a release. */
export type ZenlayerCompanion = Exclude<ZenlayerOperation, ZenlayerAction>;

type Responses<A extends ZenlayerOperation> = operations[A]['responses'];

/** The error statuses the spec documents for an operation. */
export type ZenlayerErrorStatus<A extends ZenlayerOperation> = Exclude<keyof Responses<A>, 200>;

/** The error body of an operation at one status (or at any documented error status). */
export type ZenlayerErrorBody<
  A extends ZenlayerOperation,
  S extends ZenlayerErrorStatus<A> = ZenlayerErrorStatus<A>,
> = JsonOf<Responses<A>[S]>;

/** The union of every `code` an action can answer with, as the spec lists them. */
export type ZenlayerErrorCode<A extends ZenlayerOperation = ZenlayerAction> = A extends ZenlayerOperation
  ? ZenlayerErrorBody<A> extends { code: infer C }
    ? C
    : never
  : never;

/** The request body of an action. */
export type ZenlayerRequestBody<A extends ZenlayerOperation> = NonNullable<
  operations[A]['requestBody']
>['content']['application/json'];

/** The 200 envelope. */
export type ZenlayerAccepted = JsonOf<Responses<'ReleaseInstances'>[200]>;

/** What a companion answers inside its 200 envelope: `{ requestId, … }` (e.g. totalCount, dataSet). */
export type ZenlayerAnswer<A extends ZenlayerCompanion> =
  JsonOf<Responses<A>[200]> extends { response: infer R } ? R : never;

/** The spec path each operation is posted to (a companion's carries `#<Action>`; see the spec). */
export type ZenlayerPathOf<A extends ZenlayerOperation> = {
  [P in keyof paths]: paths[P] extends { post: operations[A] } ? P : never;
}[keyof paths];
