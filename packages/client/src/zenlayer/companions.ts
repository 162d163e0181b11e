// The reads and moves real clients make around a release, as the official Terraform provider
// orders them: Terminate* into the recycle bin, Describe* until the status says so, then the
// release. Thin and typed; input checked with the spec's limits before anything is sent.
import { ValidationError } from '../transport/errors.js';
import { type DescribeAction, describeAnswerFault } from './describe-answers.js';
import type { ZenlayerAnswer, ZenlayerCompanion } from './types.js';
import { MAX_IDS_PER_REQUEST, requireId, requireIds } from './validate.js';

export interface CompanionOptions {
  /** Aborts the call, in flight or during a back-off. */
  signal?: AbortSignal;
}

export interface DescribeOptions extends CompanionOptions {
  /** 1..1000; the API's default is 20. */
  pageSize?: number;
  /** From 1; the API's default is 1. */
  pageNum?: number;
}

/** The spec's PageSize maximum (spec/zenlayer.yaml, PageSize). */
export const MAX_PAGE_SIZE = 1000;

export interface ZenlayerCompanions {
  /** TerminateInstance (vm): moves an instance to the recycle bin (`RECYCLE`). */
  terminateInstance(instanceId: string, options?: CompanionOptions): Promise<ZenlayerAnswer<'TerminateInstance'>>;
  /** DescribeInstances (vm) by id: `{ requestId, totalCount, dataSet }`; an unknown id is left out. */
  describeInstances(
    instanceIds: readonly string[],
    options?: DescribeOptions,
  ): Promise<ZenlayerAnswer<'DescribeInstances'>>;
  /** DescribeDisks (zec) by id: `{ requestId, totalCount, dataSet }`. */
  describeDisks(diskIds: readonly string[], options?: DescribeOptions): Promise<ZenlayerAnswer<'DescribeDisks'>>;
  /** TerminatePort (sdn): moves a port to the recycle bin (`RECYCLED`). */
  terminatePort(portId: string, options?: CompanionOptions): Promise<ZenlayerAnswer<'TerminatePort'>>;
  /** DescribePorts (sdn) by id: `{ requestId, totalCount, dataSet }`. */
  describePorts(portIds: readonly string[], options?: DescribeOptions): Promise<ZenlayerAnswer<'DescribePorts'>>;
}

/** What makes a 200 envelope's `response` not the answer asked for; undefined when it is. */
export type AnswerCheck = (response: Record<string, unknown>) => string | undefined;

/** Sends one companion operation through the client's signing, retry and outcome machinery. */
export type SendCompanion = (
  action: ZenlayerCompanion,
  ids: string[],
  body: object,
  options: { signal?: AbortSignal | undefined; subject: string; check?: AnswerCheck },
) => Promise<unknown>;

function pageOf(options: DescribeOptions): { pageSize?: number; pageNum?: number } {
  const page: { pageSize?: number; pageNum?: number } = {};
  for (const [field, max] of [
    ['pageSize', MAX_PAGE_SIZE],
    ['pageNum', Number.MAX_SAFE_INTEGER],
  ] as const) {
    const value: unknown = options[field];
    if (value === undefined) continue;
    // Number.isInteger is false for anything but an integral number, so the casts only name the type.
    if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > max) {
      const limit = max === MAX_PAGE_SIZE ? `an integer 1..${max}` : 'an integer ≥ 1';
      // A string is shown quoted: `(got "10")`, not a `(got 10)` that reads as a valid number.
      const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
      throw new ValidationError(field, limit, `${field} must be ${limit} (got ${shown}); nothing was sent`);
    }
    page[field] = value as number;
  }
  return page;
}

function idsOf(field: string, values: unknown): string[] {
  const ids = requireIds(field, values);
  if (ids.length > MAX_IDS_PER_REQUEST) {
    const limit = `at most ${MAX_IDS_PER_REQUEST} ids`;
    throw new ValidationError(field, limit, `${field} must have ${limit} (got ${ids.length}); nothing was sent`);
  }
  return ids;
}

export function companionMethods(send: SendCompanion): ZenlayerCompanions {
  const describe = (action: DescribeAction, field: string, kind: string) => {
    // async: a bad input rejects like every other failure, and nothing is sent.
    return async (values: unknown, options: DescribeOptions = {}) => {
      const ids = idsOf(field, values);
      const body = { [field]: ids, ...pageOf(options) };
      const check: AnswerCheck = (response) => describeAnswerFault(action, ids, response);
      return send(action, ids, body, { signal: options.signal, subject: `${ids.length} ${kind}`, check });
    };
  };
  const move = (action: ZenlayerCompanion, field: string, kind: string) => {
    return async (value: unknown, options: CompanionOptions = {}) => {
      const id = requireId(field, value);
      return send(action, [id], { [field]: id }, { signal: options.signal, subject: `${kind} ${id}` });
    };
  };
  return {
    terminateInstance: move('TerminateInstance', 'instanceId', 'instance'),
    describeInstances: describe('DescribeInstances', 'instanceIds', 'instances'),
    describeDisks: describe('DescribeDisks', 'diskIds', 'disks'),
    terminatePort: move('TerminatePort', 'portId', 'port'),
    describePorts: describe('DescribePorts', 'portIds', 'ports'),
  } as ZenlayerCompanions;
}
