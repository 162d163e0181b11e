// The Zenlayer side: every answer is the provider's `{requestId, code, message}` envelope
// (or Prism's documented example), never Prism's own problem+json.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { type Answer, flatHeaders, type Handler } from './answer.js';
import { BODY_LIMIT_BYTES, jsonKind, mediaType, parseJson, readBody } from './body.js';
import { type Prism, parsePrefer, type Violation } from './prism.js';
import { checkAuth } from './zenlayer-auth.js';

export interface ZenlayerOptions {
  now?: () => Date;
  credentials?: Readonly<Record<string, string>>;
}

/** Request ids look like the vendor's: "T" and an upper-case UUID. */
export const newRequestId = () => `T${randomUUID().toUpperCase()}`;

const envelope = (status: number, code: string, message: string, operation?: string): Answer => ({
  status,
  body: { requestId: newRequestId(), code, message },
  note: code,
  ...(operation && { operation }),
});

// Prism reports JSON-schema keywords; the API reports its INVALID_PARAMETER_* family.
const CODE_BY_KEYWORD: Record<string, string> = {
  required: 'MISSING_PARAMETER',
  type: 'INVALID_PARAMETER_TYPE',
  maxItems: 'INVALID_PARAMETER_EXCEED_MAXIMUM',
  maximum: 'INVALID_PARAMETER_EXCEED_MAXIMUM',
  minItems: 'INVALID_PARAMETER_LESS_MINIMUM',
  minimum: 'INVALID_PARAMETER_LESS_MINIMUM',
  maxLength: 'INVALID_PARAMETER_EXCEED_LENGTH',
  minLength: 'INVALID_PARAMETER_LESS_LENGTH',
  pattern: 'INVALID_PARAMETER_PATTERN_ERROR',
};

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
      : (CODE_BY_KEYWORD[v.keyword] ?? 'INVALID_PARAMETER_VALUE');
  const detail =
    v.keyword === 'additionalProperties'
      ? `is not a parameter of ${operation}`
      : v.keyword === 'required'
        ? 'is required'
        : v.message.replace(/^Request (body|header)( parameter| property)? \S+ /, '');
  return envelope(400, code, `Parameter ${field} ${detail}.`.replace(/\.\.$/, '.'), operation);
}

export function zenlayerHandler(prism: Prism, options: ZenlayerOptions = {}): Handler {
  // Service path → its one action, read from the spec's X-ZC-Action enums.
  const actions = new Map<string, string>();
  for (const op of prism.operations) {
    const header = op.request?.headers?.find((h) => h.name.toLowerCase() === 'x-zc-action');
    const action = (header?.schema as { enum?: string[] } | undefined)?.enum?.[0];
    if (action) actions.set(op.path, action);
  }

  return async (req: IncomingMessage) => {
    const body = await readBody(req);
    const path = (req.url ?? '/').split('?')[0]!;
    const operation = actions.get(path);
    const headers = flatHeaders(req);
    // Routing mistakes answer 400, never a not-found code: a client that treats not-found
    // as "already gone" must not mistake a wrong URL for a released resource.
    if (!operation)
      return envelope(
        400,
        'INVALID_PARAMETER_VALUE',
        `Unknown service path ${path}; expected one of ${[...actions.keys()].join(', ')}.`,
      );
    if (req.method !== 'POST')
      return envelope(
        400,
        'INVALID_PARAMETER_VALUE',
        `${req.method} is not supported; every action is a POST.`,
        operation,
      );
    const action = headers['x-zc-action'];
    if (!action)
      return envelope(
        400,
        'MISSING_PARAMETER',
        `Parameter X-ZC-Action is required (expected ${operation}).`,
        operation,
      );
    if (action !== operation) {
      const known = [...actions.values()].includes(action);
      return envelope(
        400,
        'INVALID_PARAMETER_VALUE',
        known
          ? `Action ${action} is not served at ${path}; it serves ${operation}.`
          : `Unknown action ${action}; ${path} serves ${operation}.`,
        operation,
      );
    }
    const auth = checkAuth({
      headers,
      body: body.kind === 'ok' ? body.bytes : Buffer.alloc(0),
      now: options.now?.() ?? new Date(),
      ...(options.credentials && { credentials: options.credentials }),
    });
    if (auth) return envelope(401, auth.code, auth.message, operation);
    if (mediaType(headers['content-type']) !== 'application/json') {
      return envelope(
        400,
        'INVALID_PARAMETER_VALUE',
        `Content-Type must be application/json (got ${headers['content-type'] ?? 'none'}).`,
        operation,
      );
    }
    if (body.kind === 'too-large') {
      return envelope(
        400,
        'INVALID_PARAMETER_EXCEED_LENGTH',
        `Request body is ${body.size} bytes; the limit is ${BODY_LIMIT_BYTES} bytes.`,
        operation,
      );
    }
    const json = parseJson(body.bytes);
    if (json.kind === 'empty')
      return envelope(400, 'MISSING_PARAMETER', 'Request body is empty; expected a JSON object.', operation);
    if (json.kind === 'malformed')
      return envelope(400, 'INVALID_PARAMETER_VALUE', `Request body is not valid JSON: ${json.reason}.`, operation);
    if (jsonKind(json.value) !== 'object') {
      return envelope(
        400,
        'INVALID_PARAMETER_TYPE',
        `Request body must be a JSON object (got ${jsonKind(json.value)}).`,
        operation,
      );
    }

    const preference = parsePrefer(headers.prefer);
    const answer = await prism.answer({ method: 'post', url: { path }, headers, body: json.value }, preference);
    if (answer.kind === 'invalid') return violationAnswer(answer.violations, operation);
    if (answer.kind === 'unroutable') {
      return envelope(
        400,
        'INVALID_PARAMETER_VALUE',
        `The mock cannot answer this request (check the Prefer header): ${answer.detail}`,
        operation,
      );
    }
    const responseBody = answer.body as { code?: string } | undefined;
    return {
      status: answer.status,
      headers: { ...answer.headers, 'content-type': 'application/json' },
      body: answer.body,
      note: responseBody?.code ?? answer.example ?? 'accepted',
      operation,
    };
  };
}
