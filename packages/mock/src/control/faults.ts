// Queued faults: a documented error status (with an optional Retry-After), added latency, a
// dropped connection, or the action applied and then the connection dropped (the "accepted,
// answer lost" case a client must resolve by reading), for one operation or all, a number of
// times. The answer step takes the first fault that matches; faults answer in the provider's
// shape and are journaled. The queue is bounded in count and in each fault's size, so no
// caller can grow the mock's memory through it.

export type Fault =
  | {
      kind: 'status';
      operation?: string;
      times: number;
      status: number;
      /** Zenlayer's code or Neutron's type. */
      code: string;
      message?: string;
      retryAfter?: number;
    }
  | { kind: 'latency'; operation?: string; times: number; latencyMs: number }
  | { kind: 'drop'; operation?: string; times: number }
  | { kind: 'applyThenDrop'; operation?: string; times: number };

/** The most faults the queue holds at once. */
export const MAX_QUEUED_FAULTS = 1_000;
/** The largest `times` a fault may have. */
export const MAX_FAULT_TIMES = 1_000_000;
/** The longest `code` (or `type`) and `message` a status fault may carry, in characters. */
export const MAX_FAULT_CODE_LENGTH = 100;
export const MAX_FAULT_MESSAGE_LENGTH = 1_000;

/** What the operations of this mock document: operationId → status → the codes/types it lists. */
export type Documented = Map<string, Map<number, string[]>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FIELDS = [
  'operation',
  'times',
  'status',
  'code',
  'type',
  'message',
  'retryAfter',
  'latencyMs',
  'drop',
  'applyThenDrop',
];
const KINDS = ['status', 'latencyMs', 'drop', 'applyThenDrop'];

/** Checks one fault as sent to POST /__mock/faults; returns it or the problems with it. */
export function parseFault(input: unknown, documented: Documented, at: string): Fault | string[] {
  if (!isObject(input)) return [`${at} must be an object`];
  const problems = Object.keys(input)
    .filter((k) => !FIELDS.includes(k))
    .map((k) => `${at}.${k} is not a fault field (${FIELDS.join(', ')})`);
  const { operation, times = 1 } = input;
  if (operation !== undefined && !documented.has(operation as string))
    problems.push(
      `${at}.operation must be one of ${[...documented.keys()].join(', ')} (got ${JSON.stringify(operation)})`,
    );
  if (!Number.isInteger(times) || (times as number) < 1 || (times as number) > MAX_FAULT_TIMES)
    problems.push(`${at}.times must be an integer 1..${MAX_FAULT_TIMES}`);
  const base = { times: times as number, ...(operation !== undefined && { operation: operation as string }) };
  const kinds = KINDS.filter((k) => input[k] !== undefined);
  if (kinds.length !== 1) return [...problems, `${at} must have exactly one of ${KINDS.join(', ')}`];
  const kind = kinds[0]!;
  if (kind === 'drop' || kind === 'applyThenDrop') {
    if (input[kind] !== true) problems.push(`${at}.${kind} must be true`);
    return problems.length ? problems : { kind, ...base };
  }
  if (input.latencyMs !== undefined) {
    const ms = input.latencyMs as number;
    if (!Number.isInteger(ms) || ms < 0 || ms > 60_000) problems.push(`${at}.latencyMs must be an integer 0..60000`);
    return problems.length ? problems : { kind: 'latency', ...base, latencyMs: ms };
  }
  const status = input.status as number;
  const code = (input.code ?? input.type) as string | undefined;
  if (!Number.isInteger(status) || status < 400 || status > 599) problems.push(`${at}.status must be 400..599`);
  if (typeof code !== 'string') problems.push(`${at} must name the error: code (Zenlayer) or type (Neutron)`);
  else if (code.length < 1 || code.length > MAX_FAULT_CODE_LENGTH)
    problems.push(`${at}.${input.code === undefined ? 'type' : 'code'} must be 1..${MAX_FAULT_CODE_LENGTH} characters`);
  // Named operation: the status and code must be ones the spec documents for it.
  const listed = documented.get(operation as string);
  if (listed && !problems.length) {
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
  if (problems.length) return problems;
  return {
    kind: 'status',
    ...base,
    status,
    code: code!,
    ...(input.message !== undefined && { message: input.message as string }),
    ...(retryAfter !== undefined && { retryAfter: retryAfter as number }),
  };
}

export class FaultQueue {
  readonly #queue: Fault[] = [];

  add(faults: Fault[]) {
    this.#queue.push(...faults.map((f) => ({ ...f })));
  }

  /** The first fault for this operation (or for all), used up by one; undefined when none. */
  take(operation: string): Fault | undefined {
    const i = this.#queue.findIndex((f) => f.operation === undefined || f.operation === operation);
    if (i < 0) return undefined;
    const fault = this.#queue[i]!;
    if (--fault.times === 0) this.#queue.splice(i, 1);
    return { ...fault };
  }

  get size(): number {
    return this.#queue.length;
  }

  list(): Fault[] {
    return this.#queue.map((f) => ({ ...f }));
  }

  clear() {
    this.#queue.length = 0;
  }
}
