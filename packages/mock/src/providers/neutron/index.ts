// The Neutron provider: Delete Port, answered in the NeutronError shape, every answer with
// oslo.middleware's X-Openstack-Request-Id.
import type { Answer } from '../../answer.js';
import type { Incoming, Routed } from '../../pipeline.js';
import type { Provider } from '../provider.js';
import { internalError, keystoneUnauthorized, neutronError, newRequestId } from './errors.js';
import { validate } from './validate.js';

const PORT_PATH = /^\/v2\.0\/ports\/([^/]+)$/;
const OPERATION = 'DeletePort';

/** The decoded path, or undefined when its percent-encoding is malformed (e.g. `%E0%A4%A`). */
function decodePath(rawPath: string): string | undefined {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
}

function route(request: Incoming): Routed | Answer {
  const path = decodePath(request.rawPath);
  // 400, not a 404: a client that takes any 404 as "already gone" must not read a broken URL so.
  if (path === undefined)
    return neutronError(400, 'HTTPBadRequest', `The path ${request.rawPath} has a malformed percent-encoding.`);
  const match = PORT_PATH.exec(path);
  if (!match) return neutronError(404, 'HTTPNotFound', 'The resource could not be found.');
  if (request.method !== 'DELETE')
    return neutronError(
      405,
      'HTTPMethodNotAllowed',
      `${request.method} is not allowed on ${path}; the port API supports DELETE here.`,
      OPERATION,
    );
  return { ...request, operation: OPERATION, path, params: { port_id: match[1]! } };
}

function finish(answer: Answer): Answer {
  const type = (answer.body as { NeutronError?: { type?: unknown } } | undefined)?.NeutronError?.type;
  const note =
    answer.note || (typeof type === 'string' ? type : answer.status === 204 ? 'deleted' : String(answer.status));
  const headers = { 'x-openstack-request-id': newRequestId() };
  // A 204 has no body and no content type.
  if (answer.status === 204)
    return { status: 204, headers, note, ...(answer.operation && { operation: answer.operation }) };
  return { ...answer, headers: { ...headers, 'content-type': 'application/json' }, note };
}

export const neutron: Provider = {
  newRequestId,
  internalError,
  error: neutronError,
  stages: (prism) => ({
    route,
    authenticate: (request) => (request.headers['x-auth-token']?.trim() ? undefined : keystoneUnauthorized),
    validate: (request) => validate(prism, request),
    finish,
  }),
};
