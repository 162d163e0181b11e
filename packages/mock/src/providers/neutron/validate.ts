// What Neutron checks before it looks the port up (a body on DELETE, a non-integer revision in
// If-Match, a non-UUID id), then Prism's validation and documented answer.
import type { Answer } from '../../answer.js';
import { documentedAnswer } from '../../example.js';
import type { Prism } from '../../prism.js';
import type { Routed, Validated } from '../../request.js';
import { specWords } from '../../wording.js';
import { neutronError } from './errors.js';
import { parseIfMatch } from './if-match.js';

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
  const { operation, body } = request;
  let { params } = request;
  if (operation === 'DeletePort') {
    if (body.kind === 'too-large' || body.bytes.length > 0)
      return neutronError(400, 'HTTPBadRequest', 'Request body is not supported in DELETE.', operation);
    const ifMatch = parseIfMatch(request.headers['if-match']);
    // neutron-lib's BadRequest (type `BadRequest`), as spec/neutron.yaml documents it.
    if (ifMatch.kind === 'malformed')
      return neutronError(
        400,
        'BadRequest',
        `Bad port request: Revision number must be an integer in If-Match, got ${ifMatch.entry}.`,
        operation,
      );
    if (ifMatch.kind === 'revision') params = { ...params, revision_number: String(ifMatch.revision) };
  }
  const portId = params.port_id;
  // Neutron looks a non-UUID id up like any other and finds nothing.
  if (portId !== undefined && !UUID.test(portId))
    return neutronError(404, 'PortNotFound', `Port ${portId} could not be found.`, operation);

  const documented = await documentedAnswer(prism, operation, {
    method: request.method.toLowerCase() as 'get',
    url: { path: request.path, query: queryOf(request.rawQuery) },
    headers: request.headers,
  });
  if (documented.kind === 'mock-error') return documented.answer;
  if (documented.kind === 'invalid') {
    // A query parameter or a header: the path's id is checked above, and no operation takes a body.
    const [, name] = documented.violations[0]!.path;
    const { message, keyword } = documented.violations[0]!;
    // Prism lower-cases header names; the message names the header as the spec spells it.
    const header = prism.operations.flatMap((op) => op.request!.headers!).find((h) => h.name.toLowerCase() === name);
    // "Request query parameter name must be string": the validator's words from "must".
    const words = specWords(message.slice(message.indexOf(' must ') + 1));
    const field = header?.name ?? name!;
    return {
      ...neutronError(400, 'HTTPBadRequest', `Invalid ${field}: ${words}.`, operation),
      finding: { stage: 'validation', keyword, field },
    };
  }
  return { ...request, params, json: undefined, example: documented.example };
}
