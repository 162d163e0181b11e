// Neutron's own checks (a body on DELETE, a non-integer revision in If-Match, a non-UUID id),
// then Prism's validation against the spec and its documented example.
import type { Answer } from '../../answer.js';
import type { Routed, Validated } from '../../pipeline.js';
import { type Prism, parsePrefer } from '../../prism.js';
import { neutronError } from './errors.js';
import { revisionConstraint } from './if-match.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Query parameters as Prism wants them: a repeated name becomes an array. */
function queryOf(rawQuery: string): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(rawQuery)) {
    const seen = query[name];
    query[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return query;
}

export async function validate(prism: Prism, request: Routed): Promise<Validated | Answer> {
  const { operation, headers, path, params } = request;
  if (operation === 'DeletePort') {
    const sentBody = request.body.kind === 'too-large' || (request.body.kind === 'ok' && request.body.bytes.length > 0);
    if (sentBody) return neutronError(400, 'HTTPBadRequest', 'Request body is not supported in DELETE.', operation);
    const revision = revisionConstraint(headers['if-match']);
    if (revision.kind === 'malformed')
      return neutronError(
        400,
        'BadRequest',
        `Bad port request: Revision number must be an integer in If-Match, got ${revision.entry}.`,
        operation,
      );
  }
  // Neutron looks a non-UUID id up like any other and finds nothing.
  if (params.port_id !== undefined && !UUID.test(params.port_id))
    return neutronError(404, 'PortNotFound', `Port ${params.port_id} could not be found.`, operation);
  const query = queryOf(request.rawQuery);
  const answer = await prism.answer(
    { method: request.method.toLowerCase() as 'get', url: { path, query }, headers },
    parsePrefer(headers.prefer),
  );
  if (answer.kind === 'invalid') {
    const v = answer.violations[0]!;
    const field = v.path[0] === 'header' ? 'If-Match' : v.path.join('.');
    return neutronError(
      400,
      'HTTPBadRequest',
      `Invalid ${field}: ${v.message.replace(/^Request (header|query) parameter \S+ /, '')}.`,
      operation,
    );
  }
  if (answer.kind === 'unroutable')
    return neutronError(
      400,
      'HTTPBadRequest',
      `The mock cannot answer this request (check the Prefer header): ${answer.detail}`,
      operation,
    );
  const { status, headers: exampleHeaders, body, example: name } = answer;
  return { ...request, json: undefined, example: { status, headers: exampleHeaders, body, name } };
}
