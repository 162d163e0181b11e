// Prism's validation findings, told the way the Zenlayer API tells them.
import type { Answer } from '../../answer.js';
import type { Violation } from '../../prism.js';
import { specWords } from '../../wording.js';
import { envelope } from './envelope.js';

// Prism reports JSON-schema keywords; the API reports its INVALID_PARAMETER_* family.
const CODE_BY_KEYWORD = new Map<string, string>([
  ['required', 'MISSING_PARAMETER'],
  ['type', 'INVALID_PARAMETER_TYPE'],
  ['maxItems', 'INVALID_PARAMETER_EXCEED_MAXIMUM'],
  ['maximum', 'INVALID_PARAMETER_EXCEED_MAXIMUM'],
  ['minItems', 'INVALID_PARAMETER_LESS_MINIMUM'],
  ['minimum', 'INVALID_PARAMETER_LESS_MINIMUM'],
  ['maxLength', 'INVALID_PARAMETER_EXCEED_LENGTH'],
  ['minLength', 'INVALID_PARAMETER_LESS_LENGTH'],
  ['pattern', 'INVALID_PARAMETER_PATTERN_ERROR'],
]);

/** The field a violation is about, as a user would write it: instanceIds[3], X-ZC-Action. */
function fieldOf(v: Violation): string {
  const [where, ...rest] = v.path;
  if (where === 'header')
    return (rest[0] ?? '')
      .replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())
      .replace(/^X-Zc-/, 'X-ZC-');
  if (v.keyword === 'required') return [...rest, /'([^']+)'/.exec(v.message)?.[1] ?? ''].filter(Boolean).join('.');
  if (v.keyword === 'additionalProperties') return /found '([^']+)'/.exec(v.message)?.[1] ?? rest.join('.');
  return rest.reduce(
    (field, part) => (/^\d+$/.test(part) ? `${field}[${part}]` : field ? `${field}.${part}` : part),
    '',
  );
}

export function violationAnswer(violations: Violation[], operation: string): Answer {
  // A missing field is the most useful thing to hear about first.
  const v = violations.find((x) => x.keyword === 'required') ?? violations[0]!;
  const field = fieldOf(v) || 'body';
  const code =
    v.keyword === 'pattern' && field === 'X-ZC-Version'
      ? 'INVALID_PARAMETER_DATE_FORMAT_ERROR'
      : (CODE_BY_KEYWORD.get(v.keyword) ?? 'INVALID_PARAMETER_VALUE');
  const detail =
    v.keyword === 'additionalProperties'
      ? `is not a parameter of ${operation}`
      : v.keyword === 'required'
        ? 'is required'
        : v.keyword === 'pattern' && field === 'X-ZC-Version'
          ? 'must be a date (yyyy-MM-dd)'
          : specWords(v.message.replace(/^Request (body|header)( parameter| property)? \S+ /, ''));
  return envelope(400, code, `Parameter ${field} ${detail}.`.replace(/\.\.$/, '.'), operation);
}
