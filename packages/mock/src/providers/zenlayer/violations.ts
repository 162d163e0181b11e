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

/** A finding about a property its object lacks or should not have: Prism names it in the message. */
const namesProperty = (v: Violation) => v.keyword === 'required' || v.keyword === 'additionalProperties';

/**
 * The field a violation is about, as a user would write it: instanceIds[3], X-ZC-SDK-Lang.
 * `headers` are the operation's header names as the spec spells them (Prism lower-cases them).
 */
function fieldOf(v: Violation, headers: readonly string[]): string {
  const [where, ...path] = v.path;
  if (where === 'header') return headers.find((name) => name.toLowerCase() === path[0]) ?? String(path[0]);
  // "… required property 'instanceIds'", "… found 'force'": the name is quoted at the end.
  const parts = namesProperty(v) ? [...path, v.message.slice(v.message.indexOf("'") + 1, -1)] : path;
  return parts.map((part, i) => (i ? `[${part}]` : part)).join('');
}

/**
 * The 400 for Prism's findings. The first is told: Prism checks the body before the headers, and
 * its validator a missing property before anything else about the same object, so a missing
 * field is heard about first.
 */
export function violationAnswer(violations: Violation[], operation: string, headers: readonly string[]): Answer {
  const v = violations[0]!;
  const field = fieldOf(v, headers);
  // The version's one rule is its date pattern.
  const date = field === 'X-ZC-Version';
  const code = date
    ? 'INVALID_PARAMETER_DATE_FORMAT_ERROR'
    : (CODE_BY_KEYWORD.get(v.keyword) ?? 'INVALID_PARAMETER_VALUE');
  const detail =
    v.keyword === 'additionalProperties'
      ? `is not a parameter of ${operation}`
      : v.keyword === 'required'
        ? 'is required'
        : date
          ? 'must be a date (yyyy-MM-dd)'
          : // "Request body property instanceIds.0 must NOT have …": the validator's words from "must".
            specWords(v.message.slice(v.message.indexOf(' must ') + 1));
  return {
    ...envelope(400, code, `Parameter ${field} ${detail}.`, operation),
    finding: { stage: 'validation', keyword: v.keyword, field },
  };
}
