// Which journal lines POST /__mock/requests/count and /find (mock.countRequests(), mock.requests(filter))
// are about. The filter comes from a caller, so every field is checked and a wrong one is refused
// by name with its rule: a typo (`opertion`, a status as a string, a date without its zone) must
// not quietly count nothing, as a test asserting "released once" would then pass or fail for the
// wrong reason.

import { ANSWER_FAULTS } from '../answer.js';
import { isObject } from '../json-object.js';
import { InvalidControlInput, shown } from '../state/control-input.js';
import { cut, type JournalEntry } from './journal.js';

export interface JournalFilter {
  /** The operationId; null for requests no operation takes. */
  operation?: string | null;
  /** A resource id the line names (compared as the journal keeps it: cut at 256 characters). */
  id?: string;
  /** The status answered; null for a connection closed without one (a fault). */
  status?: number | null;
  /** Zenlayer's code, Neutron's type; null for a success. */
  code?: string | null;
  /** Whether the request passed routing, credentials and the spec's validation. */
  valid?: boolean;
  /** The queued fault that made the answer (e.g. 'status', 'reset'). */
  fault?: string;
  /** Lines at or after this time: ISO-8601 with its zone (`2026-12-06T11:00:00Z`) or epoch milliseconds. */
  since?: string | number;
  /** Lines before this time (exclusive), in the same forms. */
  until?: string | number;
}

/** A filter checked and ready to match: the times in epoch milliseconds. */
export interface ParsedFilter extends Omit<JournalFilter, 'since' | 'until'> {
  since?: number;
  until?: number;
}

const FIELDS = ['operation', 'id', 'status', 'code', 'valid', 'fault', 'since', 'until'];
/** The longest `id` or `code` a filter may give, in characters. */
export const MAX_FILTER_TEXT = 1024;
// A time with a date, a time and a zone: without the zone it would be read in the mock's local time.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
/** The latest time a Date can hold, in ms since the epoch. */
const MAX_EPOCH_MS = 8.64e15;

function timeOf(field: string, value: unknown, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_EPOCH_MS) return value;
  const ms = typeof value === 'string' && ISO.test(value) ? Date.parse(value) : Number.NaN;
  if (!Number.isNaN(ms)) return ms;
  problems.push(
    `filter.${field} must be an ISO-8601 time with its zone (e.g. 2026-12-06T11:00:00Z) or epoch milliseconds 0..${MAX_EPOCH_MS} (got ${shown(value)})`,
  );
  return undefined;
}

function text(field: string, value: unknown, problems: string[], nullable: boolean) {
  if (value === undefined || (nullable && value === null)) return;
  if (typeof value !== 'string' || value.length < 1 || value.length > MAX_FILTER_TEXT)
    problems.push(
      `filter.${field} must be a string of 1..${MAX_FILTER_TEXT} characters${nullable ? ' or null' : ''} (got ${shown(value)})`,
    );
}

/** Checks a filter as sent (an object; `{}` matches every line); throws InvalidControlInput naming each problem. */
export function parseFilter(input: unknown, operations: readonly string[]): ParsedFilter {
  if (input === undefined) return {};
  if (!isObject(input)) throw new InvalidControlInput([`filter must be an object (got ${shown(input)})`]);
  const problems = Object.keys(input)
    .filter((k) => !FIELDS.includes(k))
    .map((k) => `filter.${k} is not a filter field (${FIELDS.join(', ')})`);
  const { operation, id, status, code, valid, fault } = input;
  if (operation !== undefined && operation !== null && !operations.includes(operation as string))
    problems.push(`filter.operation must be one of ${operations.join(', ')} or null (got ${shown(operation)})`);
  text('id', id, problems, false);
  text('code', code, problems, true);
  if (
    status !== undefined &&
    status !== null &&
    !(Number.isInteger(status) && (status as number) >= 100 && (status as number) <= 599)
  )
    problems.push(`filter.status must be an integer 100..599 or null (got ${shown(status)})`);
  if (valid !== undefined && typeof valid !== 'boolean')
    problems.push(`filter.valid must be true or false (got ${shown(valid)})`);
  if (fault !== undefined && !(ANSWER_FAULTS as readonly unknown[]).includes(fault))
    problems.push(`filter.fault must be one of ${ANSWER_FAULTS.join(', ')} (got ${shown(fault)})`);
  const since = timeOf('since', input.since, problems);
  const until = timeOf('until', input.until, problems);
  if (since !== undefined && until !== undefined && since >= until)
    problems.push('filter.until must be later than filter.since (since is inclusive, until exclusive)');
  if (problems.length) throw new InvalidControlInput(problems);
  const parsed: ParsedFilter = {};
  if (operation !== undefined) parsed.operation = operation as string | null;
  // The journal keeps long ids cut: the filter's id is cut the same way to meet them.
  if (id !== undefined) parsed.id = cut(id as string);
  if (status !== undefined) parsed.status = status as number | null;
  if (code !== undefined) parsed.code = code as string | null;
  if (valid !== undefined) parsed.valid = valid as boolean;
  if (fault !== undefined) parsed.fault = fault as string;
  if (since !== undefined) parsed.since = since;
  if (until !== undefined) parsed.until = until;
  return parsed;
}

/** Whether a line is one the filter asks for: every field given must match. */
export function matches(entry: JournalEntry, filter: ParsedFilter): boolean {
  if (filter.operation !== undefined && entry.operation !== filter.operation) return false;
  if (filter.id !== undefined && !entry.ids.includes(filter.id)) return false;
  if (filter.status !== undefined && entry.status !== filter.status) return false;
  if (filter.code !== undefined && entry.code !== filter.code) return false;
  if (filter.valid !== undefined && entry.valid !== filter.valid) return false;
  if (filter.fault !== undefined && entry.fault !== filter.fault) return false;
  if (filter.since === undefined && filter.until === undefined) return true;
  const time = Date.parse(entry.time);
  return (filter.since === undefined || time >= filter.since) && (filter.until === undefined || time < filter.until);
}
