// The Neutron provider: Delete Port and the reads around it, answered in the NeutronError shape.
import type { Answer } from '../../answer.js';
import type { Provider } from '../provider.js';
import { internalError, keystoneUnauthorized, neutronError, newRequestId } from './errors.js';
import { neutronLifecycle } from './lifecycle.js';
import { route } from './route.js';
import { validate } from './validate.js';

/** The root versions document is served without auth (Neutron's api-paste runs no authtoken there). */
const PUBLIC = new Set(['ListApiVersions']);

function finish(answer: Answer): Answer {
  const type = (answer.body as { NeutronError?: { type?: unknown } } | undefined)?.NeutronError?.type;
  const note =
    answer.note || (typeof type === 'string' ? type : answer.status === 204 ? 'deleted' : String(answer.status));
  const operation = answer.operation;
  // Under /v2.0 (any known operation but the root document) the request id is always fresh.
  const headers = {
    ...answer.headers,
    ...(operation && !PUBLIC.has(operation) && { 'x-openstack-request-id': newRequestId() }),
  };
  // A 204 has no body and no content type.
  if (answer.status === 204) {
    const { body: _body, ...rest } = answer;
    return { ...rest, status: 204, note, headers };
  }
  return { ...answer, headers: { ...headers, 'content-type': 'application/json' }, note };
}

export const neutron: Provider = {
  newRequestId,
  internalError,
  error: neutronError,
  lifecycle: neutronLifecycle,
  stages: (prism) => ({
    route,
    authenticate: (request) =>
      PUBLIC.has(request.operation) || request.headers['x-auth-token']
        ? undefined
        : keystoneUnauthorized(request.operation),
    validate: (request) => validate(prism, request),
    finish,
  }),
};
