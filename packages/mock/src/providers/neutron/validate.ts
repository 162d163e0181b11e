// What Neutron checks before it looks the port up, then Prism's documented answer.
import type { Answer } from '../../answer.js';
import { documentedAnswer } from '../../example.js';
import type { Routed, Validated } from '../../pipeline.js';
import type { Prism } from '../../prism.js';
import { specWords } from '../../wording.js';
import { neutronError } from './errors.js';
import { parseIfMatch } from './if-match.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function validate(prism: Prism, request: Routed): Promise<Validated | Answer> {
  const { operation, body } = request;
  if (body.kind === 'too-large' || body.bytes.length > 0)
    return neutronError(400, 'HTTPBadRequest', 'Request body is not supported in DELETE.', operation);
  const ifMatch = parseIfMatch(request.headers['if-match']);
  if (ifMatch.kind === 'malformed')
    return neutronError(
      400,
      'HTTPBadRequest',
      `Invalid If-Match entry ${ifMatch.entry}: the revision number must be an integer.`,
      operation,
    );
  const portId = request.params.port_id!;
  // Neutron looks a non-UUID id up like any other and finds nothing.
  if (!UUID.test(portId)) return neutronError(404, 'PortNotFound', `Port ${portId} could not be found.`, operation);

  // Prism sees the one entry that counts, spelled as the spec's pattern spells it.
  const { 'if-match': _, ...rest } = request.headers;
  const headers = ifMatch.kind === 'revision' ? { ...rest, 'if-match': `revision_number=${ifMatch.revision}` } : rest;
  const documented = await documentedAnswer(prism, operation, {
    method: 'delete',
    url: { path: request.path },
    headers,
  });
  if (documented.kind === 'mock-error') return documented.answer;
  if (documented.kind === 'invalid') {
    const v = documented.violations[0]!;
    const field = v.path[0] === 'header' ? v.path[1] : v.path.join('.');
    return neutronError(400, 'HTTPBadRequest', `Invalid ${field}: ${specWords(v.message)}.`, operation);
  }
  const params =
    ifMatch.kind === 'revision' ? { ...request.params, revision_number: String(ifMatch.revision) } : request.params;
  return { ...request, params, json: undefined, example: documented.example };
}
