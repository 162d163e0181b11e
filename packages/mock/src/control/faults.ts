// Queued faults: a documented error status (with an optional Retry-After), added latency (fixed
// or drawn from a distribution), a dropped connection, or the action applied and then the
// connection dropped (the "accepted, answer lost" case a client must resolve by reading), reset
// mid-answer, closed empty, or answered with a body that is not JSON; for one operation or all,
// a number of times, each time or by chance (`probability`). The answer step takes the first
// fault that matches and hits; faults answer in the provider's shape and are journaled. The
// queue is bounded in count and in each fault's size, so no caller can grow the mock's memory
// through it.

import type { AnswerFault } from '../answer.js';
import { isObject } from '../json-object.js';
import { type Delay, MAX_DELAY_MS, parseDelay } from './fault-delay.js';

export interface FaultCommon {
  operation?: string;
  /** Hits left: a fault is used up once it has applied this many times. */
  times: number;
  /** 0..1: each matching request draws, and the fault applies on a hit only. */
  probability?: number;
  /** A fixed delay before the answer (alone: a 'latency' fault, the real answer late). */
  latencyMs?: number;
  /** A delay drawn for each hit. */
  delay?: Delay;
}

/** What a fault answers instead of (or, for a delay alone, besides) the real answer. */
export type FaultAction =
  | {
      kind: 'status';
      status: number;
      /** Zenlayer's code or Neutron's type. */
      code: string;
      message?: string;
      retryAfter?: number;
    }
  | { kind: 'latency' }
  | { kind: 'drop' }
  | { kind: 'applyThenDrop' }
  | { kind: WireFault };

export type Fault = FaultCommon & FaultAction;

/** The `fault` field's values, by WireMock's names: the connection breaks after the action was applied. */
export const WIRE_FAULTS = ['reset', 'empty', 'malformed'] as const satisfies readonly AnswerFault[];
export type WireFault = (typeof WIRE_FAULTS)[number];

/** The most faults the queue holds at once. */
export const MAX_QUEUED_FAULTS = 1_000;
/** The largest `times` a fault may have. */
export const MAX_FAULT_TIMES = 1_000_000;
/** The longest `code` (or `type`) and `message` a status fault may carry, in characters. */
export const MAX_FAULT_CODE_LENGTH = 100;
export const MAX_FAULT_MESSAGE_LENGTH = 1_000;

/** What the operations of this mock document: operationId → status → the codes/types it lists. */
export type Documented = Map<string, Map<number, string[]>>;

const FIELDS = [
  'operation',
  'times',
  'probability',
  'status',
  'code',
  'type',
  'message',
  'retryAfter',
  'drop',
  'applyThenDrop',
  'fault',
  'latencyMs',
  'delay',
];
/** What a fault does: at most one; none for a delay alone. */
const ACTIONS = ['status', 'drop', 'applyThenDrop', 'fault'];
const DELAYS = ['latencyMs', 'delay'];

/** Checks one fault as sent to POST /__mock/faults; returns it or the problems with it. */
export function parseFault(input: unknown, documented: Documented, at: string): Fault | string[] {
  if (!isObject(input)) return [`${at} must be an object`];
  const problems = Object.keys(input)
    .filter((k) => !FIELDS.includes(k))
    .map((k) => `${at}.${k} is not a fault field (${FIELDS.join(', ')})`);
  const { operation, times = 1, probability } = input;
  if (operation !== undefined && !documented.has(operation as string))
    problems.push(
      `${at}.operation must be one of ${[...documented.keys()].join(', ')} (got ${JSON.stringify(operation)})`,
    );
  if (!Number.isInteger(times) || (times as number) < 1 || (times as number) > MAX_FAULT_TIMES)
    problems.push(`${at}.times must be an integer 1..${MAX_FAULT_TIMES}`);
  // Written so that NaN (possible in process, not in JSON) is refused too.
  if (probability !== undefined && !(typeof probability === 'number' && probability >= 0 && probability <= 1))
    problems.push(`${at}.probability must be a number 0..1`);
  const common: FaultCommon = {
    times: times as number,
    ...(operation !== undefined && { operation: operation as string }),
    ...(probability !== undefined && { probability: probability as number }),
  };
  const delays = DELAYS.filter((k) => input[k] !== undefined);
  if (delays.length > 1) problems.push(`${at} must have at most one of ${DELAYS.join(', ')}`);
  else if (input.latencyMs !== undefined) {
    const ms = input.latencyMs as number;
    if (!Number.isInteger(ms) || ms < 0 || ms > MAX_DELAY_MS)
      problems.push(`${at}.latencyMs must be an integer 0..${MAX_DELAY_MS}`);
    common.latencyMs = ms;
  } else if (input.delay !== undefined) {
    const delay = parseDelay(input.delay, `${at}.delay`);
    if (Array.isArray(delay)) problems.push(...delay);
    else common.delay = delay;
  }
  const actions = ACTIONS.filter((k) => input[k] !== undefined);
  if (actions.length > 1) return [...problems, `${at} must have at most one of ${ACTIONS.join(', ')}`];
  if (actions.length === 0 && delays.length === 0)
    return [...problems, `${at} must have one of ${[...ACTIONS, ...DELAYS].join(', ')}`];
  const action = actionOf(input, actions[0], documented, at, problems);
  return problems.length ? problems : { ...common, ...action! };
}

/** The fault's action (a delay alone: 'latency'), pushing its problems. */
function actionOf(
  input: Record<string, unknown>,
  name: string | undefined,
  documented: Documented,
  at: string,
  problems: string[],
): FaultAction | undefined {
  if (name === undefined) return { kind: 'latency' };
  if (name === 'drop' || name === 'applyThenDrop') {
    if (input[name] !== true) problems.push(`${at}.${name} must be true`);
    return { kind: name };
  }
  if (name === 'fault') {
    const wire = input.fault as WireFault;
    if (!WIRE_FAULTS.includes(wire)) problems.push(`${at}.fault must be one of ${WIRE_FAULTS.join(', ')}`);
    return { kind: wire };
  }
  const { operation } = input;
  const status = input.status as number;
  const code = (input.code ?? input.type) as string | undefined;
  const before = problems.length;
  if (!Number.isInteger(status) || status < 400 || status > 599) problems.push(`${at}.status must be 400..599`);
  if (typeof code !== 'string') problems.push(`${at} must name the error: code (Zenlayer) or type (Neutron)`);
  else if (code.length < 1 || code.length > MAX_FAULT_CODE_LENGTH)
    problems.push(`${at}.${input.code === undefined ? 'type' : 'code'} must be 1..${MAX_FAULT_CODE_LENGTH} characters`);
  // Named operation: the status and code must be ones the spec documents for it.
  const listed = documented.get(operation as string);
  if (listed && problems.length === before) {
    const codes = listed.get(status);
    if (!codes)
      problems.push(`${at}.status ${status} is not documented for ${operation} (${[...listed.keys()].join(', ')})`);
    else if (!codes.includes(code!))
      problems.push(`${at}: ${operation} ${status} documents ${codes.join(', ')}, not ${code}`);
  }
  const retryAfter = input.retryAfter;
  if (retryAfter !== undefined && (!Number.isInteger(retryAfter) || (retryAfter as number) < 0))
    problems.push(`${at}.retryAfter must be an integer ≥ 0 (seconds)`);
  if (
    input.message !== undefined &&
    (typeof input.message !== 'string' || input.message.length > MAX_FAULT_MESSAGE_LENGTH)
  )
    problems.push(`${at}.message must be a string of at most ${MAX_FAULT_MESSAGE_LENGTH} characters`);
  return {
    kind: 'status',
    status,
    code: code!,
    ...(input.message !== undefined && { message: input.message as string }),
    ...(retryAfter !== undefined && { retryAfter: retryAfter as number }),
  };
}

// A copy a caller may change without changing the queue (its delay is an object too).
const copy = (f: Fault): Fault => ({ ...f, ...(f.delay && { delay: { ...f.delay } }) });

export class FaultQueue {
  readonly #queue: Fault[] = [];

  add(faults: Fault[]) {
    this.#queue.push(...faults.map(copy));
  }

  /**
   * The first fault for this operation (or for all) that hits, used up by one; undefined when
   * none. A fault with a probability draws from `random` ([0, 1), like Math.random): a miss
   * leaves it as it is and the next matching fault is tried.
   */
  take(operation: string, random: () => number): Fault | undefined {
    const i = this.#queue.findIndex(
      (f) =>
        (f.operation === undefined || f.operation === operation) &&
        (f.probability === undefined || random() < f.probability),
    );
    if (i < 0) return undefined;
    const fault = this.#queue[i]!;
    if (--fault.times === 0) this.#queue.splice(i, 1);
    return copy(fault);
  }

  get size(): number {
    return this.#queue.length;
  }

  list(): Fault[] {
    return this.#queue.map(copy);
  }

  clear() {
    this.#queue.length = 0;
  }
}
