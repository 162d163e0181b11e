// What teardown() takes and what it reports, per resource.
import type { NeutronTeardownClient, ZenlayerTeardownClient } from './clients.js';
import type { WaiterClock, WaiterTimings } from './waiter.js';

export type TeardownType = 'instance' | 'disk' | 'port' | 'neutron-port';

/** One resource to carry to gone. Zenlayer: instance, disk, port; Neutron: neutron-port. */
export interface TeardownResource {
  provider: 'zenlayer' | 'neutron';
  type: TeardownType;
  id: string;
}

/** The steps of a flow, in order. Only terminate, release and delete change state. */
export type TeardownStep = 'read' | 'terminate' | 'wait-recycle-bin' | 'release' | 'wait-gone' | 'delete';

/** The steps that change state: onStep is called before and after each. */
export type ChangingStep = 'terminate' | 'release' | 'delete';

/** One call to onStep. */
export interface StepEvent {
  /** `before`: about to send; `after`: the call ended. */
  phase: 'before' | 'after';
  step: ChangingStep;
  provider: 'zenlayer' | 'neutron';
  type: TeardownType;
  /** The resources the call is about (several for a ReleaseInstances batch). */
  ids: string[];
  /** The action sent: TerminateInstance, ReleaseDisk, ReleaseInstances, DestroyPort, DeletePort… */
  action: string;
  /** Neutron delete: the If-Match revision sent. */
  revision?: number;
  /**
   * After only. `accepted`; `already-done` (an "already recycled" or not-found code);
   * `refused`; `unknown` (sent, no answer known).
   */
  outcome?: 'accepted' | 'already-done' | 'refused' | 'unknown';
  /** After only: the provider's code when refused. */
  code?: string;
  /** After only: the accepted request's id, when the answer carried one. */
  requestId?: string;
}

export interface TeardownOptions {
  /** false: stop in the recycle bin (as the Terraform provider does by default). Default true. */
  release?: boolean;
  /** The most API calls in flight at once. Default 4. */
  concurrency?: number;
  /** Timings of the Zenlayer waits (each phase). Default 0.5 s → 10 s, 19 min. */
  zenlayerWait?: WaiterTimings;
  /** Timings of the Neutron wait. Default 2 s, 120 s. */
  neutronWait?: WaiterTimings;
  /** Aborts everything, calls in flight too (those become `unknown`); the rest `not-started`. */
  signal?: AbortSignal;
  /**
   * Stops starting new steps: calls already sent finish, waits end at once (they change
   * nothing); every resource not at its end is `not-started` at its next step.
   */
  stopSignal?: AbortSignal;
  /**
   * Called synchronously before every call that changes state, and after its outcome, so a
   * journal never says less than the server saw. If the `before` call throws, that call is not
   * sent and no new step starts (as with stopSignal).
   */
  onStep?: (event: StepEvent) => void;
  /** Injectable time for the waits (tests). */
  clock?: WaiterClock;
}

export interface TeardownInput {
  zenlayer?: ZenlayerTeardownClient;
  neutron?: NeutronTeardownClient;
  resources: readonly TeardownResource[];
  options?: TeardownOptions;
}

/** Where each resource ended. */
export type TeardownOutcome =
  /** It existed, and is now confirmed gone. */
  | { result: 'gone' }
  /** The first read found nothing: nothing was sent. */
  | { result: 'already-gone' }
  /** `release: false`: it is in the recycle bin. */
  | { result: 'in-recycle-bin' }
  /** A provider refusal, a status outside the tables, or a port the port API cannot delete. */
  | {
      result: 'refused';
      step: TeardownStep;
      code: string;
      reason: string;
      /** What to do instead (a Neutron port this flow will not delete). */
      instead?: string;
      /** Neutron drift (412): the revision read, and the one the port has now. */
      revision?: { read: number; current: number | undefined };
    }
  /** A wait reached its deadline; `status` is the last seen (`null`: gone, absent: never read). */
  | { result: 'timeout'; step: TeardownStep; status?: string | null }
  /** A state-changing call was sent and its outcome is not known: read the resource. */
  | { result: 'unknown'; step: ChangingStep; reason: string }
  /** Stopped (or aborted) before this step started. */
  | { result: 'not-started'; step: TeardownStep };

/** An outcome with the last status seen (`null`: seen gone), when one was read. */
export type Ended = TeardownOutcome & { status?: string | null };

/** One resource's end: the resource, its outcome, its last status. */
export type TeardownResult = TeardownResource & Ended;
