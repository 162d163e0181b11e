// The body checks the API makes before anything else, then Prism's validation against the spec.
import type { Answer } from '../../answer.js';
import { BODY_LIMIT_BYTES, jsonKind, mediaType, parseJson } from '../../body.js';
import { documentedAnswer } from '../../example.js';
import type { Prism } from '../../prism.js';
import type { Routed, Validated } from '../../request.js';
import { envelope } from './envelope.js';
import { violationAnswer } from './violations.js';

export async function validate(prism: Prism, request: Routed): Promise<Validated | Answer> {
  const { headers, body, operation, path } = request;
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

  const documented = await documentedAnswer(prism, operation, {
    method: 'post',
    url: { path },
    headers,
    body: json.value,
  });
  if (documented.kind === 'invalid') {
    // The header names as the spec spells them, for the message.
    const headerNames = prism.operations.flatMap((op) => op.request!.headers!.map((header) => header.name));
    return violationAnswer(documented.violations, operation, headerNames);
  }
  if (documented.kind === 'mock-error') return documented.answer;
  return { ...request, json: json.value, example: documented.example };
}
