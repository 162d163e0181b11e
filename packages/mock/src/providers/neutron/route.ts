// Which Neutron operation a request is for: the version documents, show/list port, Delete Port.
// Paths outside the served ones answer 404 HTTPNotFound, as Neutron does for an unknown URL.
import type { Answer } from '../../answer.js';
import type { Incoming, Routed } from '../../request.js';
import { neutronError, withRequestId } from './errors.js';

const PORT_PATH = /^\/v2\.0\/ports\/([^/]+)$/;

/** path pattern → method → operationId. */
const ROUTES: Array<[RegExp, Record<string, string>]> = [
  [/^\/$/, { GET: 'ListApiVersions' }],
  [/^\/v2\.0\/$/, { GET: 'ListApiResources' }],
  [/^\/v2\.0\/ports$/, { GET: 'ListPorts' }],
  [PORT_PATH, { GET: 'ShowPort', DELETE: 'DeletePort' }],
];

/** Neutron's request-id middleware wraps everything under /v2.0, not the root versions app. */
const underV2 = (path: string) => path.startsWith('/v2.0');

/** The decoded path, or null when its percent-encoding is malformed (e.g. `%E0%A4%A`). */
function decodePath(rawPath: string): string | null {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return null;
  }
}

export function route(request: Incoming): Routed | Answer {
  const path = decodePath(request.rawPath);
  // 400, not a 404: a client that takes any 404 as "already gone" must not read a broken URL so.
  if (path === null)
    return neutronError(400, 'HTTPBadRequest', `The path ${request.rawPath} has a malformed percent-encoding.`);
  const found = ROUTES.find(([pattern]) => pattern.test(path));
  if (!found) {
    const notFound = neutronError(404, 'HTTPNotFound', 'The resource could not be found.');
    return underV2(path) ? withRequestId(notFound) : notFound;
  }
  const [pattern, methods] = found;
  const operation = methods[request.method];
  if (!operation) {
    const allowed = Object.keys(methods).join(', ');
    const answer = neutronError(
      405,
      'HTTPMethodNotAllowed',
      `${request.method} is not allowed on ${path}; allowed: ${allowed}.`,
    );
    return underV2(path) ? withRequestId(answer) : answer;
  }
  return { ...request, operation, path, params: pattern === PORT_PATH ? { port_id: PORT_PATH.exec(path)![1]! } : {} };
}
