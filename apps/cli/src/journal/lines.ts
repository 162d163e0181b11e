// Every line of a journal is checked before any of it is believed: a journal is a file anyone
// may have edited, and a resume acts on it. A line that breaks the schema is refused with its
// number and the field, and its values are never echoed with a secret in them.
import { redactUrl } from '@cloud-release/client';
import { sanitize } from '../text.js';
import { eventsOf, FOUND, JOURNAL_FORMAT, type JournalLine, OUTCOMES, STEP_OUTCOMES } from './events.js';

/** The endpoint a journal names for a run on the embedded mock. */
export const EMBEDDED_ENDPOINT = 'embedded-mock';

/** A line that breaks the schema: `field` is the JSON key at fault. */
export class LineError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function shown(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `"${sanitize(redactUrl(value), 80)}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${sanitize(String(value), 40)}`;
}

const fail = (field: string, must: string, value: unknown): never => {
  throw new LineError(field, `"${field}" must be ${must} (got ${value === undefined ? 'nothing' : shown(value)})`);
};

function ids(line: Record<string, unknown>, field: string): string[] {
  const value = line[field];
  if (!Array.isArray(value)) return fail(field, 'an array of non-empty strings', value);
  value.forEach((id, i) => {
    if (typeof id !== 'string' || id === '')
      throw new LineError(field, `"${field}" must be an array of non-empty strings (item ${i} is ${shown(id)})`);
  });
  return value as string[];
}

const string = (line: Record<string, unknown>, field: string, optional = false) => {
  const value = line[field];
  if (optional && value === undefined) return;
  if (typeof value !== 'string') fail(field, 'a string', value);
};
const boolean = (line: Record<string, unknown>, field: string, optional = false) => {
  const value = line[field];
  if (optional && value === undefined) return;
  if (typeof value !== 'boolean') fail(field, 'true or false', value);
};
const integer = (line: Record<string, unknown>, field: string, min: number) => {
  const value = line[field];
  if (!Number.isInteger(value) || (value as number) < min) fail(field, `an integer ≥ ${min}`, value);
};
const oneOf = (line: Record<string, unknown>, field: string, values: readonly string[]) => {
  if (!values.includes(line[field] as string)) fail(field, `one of ${values.join(', ')}`, line[field]);
};

/** The endpoint: the embedded mock, or an http(s) URL without userinfo (a password is never kept). */
function endpoint(line: Record<string, unknown>): void {
  const value = line.endpoint;
  if (value === EMBEDDED_ENDPOINT) return;
  let url: URL | undefined;
  try {
    url = typeof value === 'string' ? new URL(value) : undefined;
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol)) fail('endpoint', `"${EMBEDDED_ENDPOINT}" or an http(s) URL`, value);
  if (url!.username || url!.password) fail('endpoint', 'a URL without credentials', value);
}

function header(line: Record<string, unknown>): void {
  if (line.format !== JOURNAL_FORMAT) fail('format', String(JOURNAL_FORMAT), line.format);
  endpoint(line);
  string(line, 'account');
  if (line.account === '') fail('account', 'a non-empty string', line.account);
}

/** Checks one parsed line against the schema and the command that reads it. */
export function checkLine(value: unknown, command: string): JournalLine {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new LineError('event', `a line must be a JSON object (got ${shown(value)})`);
  const line = value as Record<string, unknown>;
  oneOf(line, 'event', eventsOf(command));
  if (line.command !== command) fail('command', `"${command}", the command resuming it`, line.command);
  string(line, 'time');
  switch (line.event) {
    case 'run':
      header(line);
      boolean(line, 'ignoreMissing');
      ids(line, 'ids');
      break;
    case 'resume':
      header(line);
      ids(line, 'ids');
      ids(line, 'unknown');
      break;
    case 'sending':
      string(line, 'action');
      integer(line, 'batch', -1);
      ids(line, 'ids');
      break;
    case 'outcome':
      string(line, 'action');
      integer(line, 'batch', -1);
      ids(line, 'ids');
      oneOf(line, 'outcome', OUTCOMES);
      boolean(line, 'alreadyGone', true);
      boolean(line, 'repeatedRequestId', true);
      for (const field of ['requestId', 'code', 'error']) string(line, field, true);
      break;
    case 'resolved':
      string(line, 'action');
      ids(line, 'ids');
      oneOf(line, 'found', FOUND);
      if (line.status !== null) string(line, 'status');
      string(line, 'requestId', true);
      boolean(line, 'repeatedRequestId', true);
      break;
    case 'apply':
      if (line.format !== JOURNAL_FORMAT) fail('format', String(JOURNAL_FORMAT), line.format);
      string(line, 'digest');
      string(line, 'account');
      boolean(line, 'resume');
      if (typeof line.endpoints !== 'object' || line.endpoints === null || Array.isArray(line.endpoints))
        fail('endpoints', 'an object', line.endpoints);
      for (const api of ['zenlayer', 'neutron']) string(line.endpoints as Record<string, unknown>, api, true);
      break;
    case 'step':
      oneOf(line, 'phase', ['before', 'after']);
      oneOf(line, 'step', ['terminate', 'release', 'delete']);
      for (const field of ['provider', 'type', 'action']) string(line, field);
      ids(line, 'ids');
      if (line.phase === 'after') oneOf(line, 'outcome', STEP_OUTCOMES);
      for (const field of ['code', 'requestId']) string(line, field, true);
      break;
    case 'result':
      for (const field of ['provider', 'type', 'id', 'result']) string(line, field);
      for (const field of ['step', 'code']) string(line, field, true);
      break;
    case 'interrupted':
      string(line, 'signal');
      boolean(line, 'abort');
      break;
    default: // summary: informative only, never read back
      for (const field of ['accepted', 'refused', 'unknown', 'notSent']) integer(line, field, 0);
      boolean(line, 'interrupted');
  }
  return line as unknown as JournalLine;
}
