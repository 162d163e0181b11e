// The Neutron side: Neutron's own `NeutronError` envelope, and Keystone's shape for a 401
// (in a real cloud the Keystone middleware answers it before Neutron sees the request).
import type { IncomingMessage } from 'node:http';
import { type Answer, flatHeaders, type Handler } from './answer.js';
import { readBody } from './body.js';
import { type Prism, parsePrefer } from './prism.js';

const PORT_PATH = /^\/v2\.0\/ports\/([^/]+)$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const neutronError = (status: number, type: string, message: string): Answer => ({
  status,
  body: { NeutronError: { type, message, detail: '' } },
  note: type,
  operation: 'DeletePort',
});

const keystoneUnauthorized: Answer = {
  status: 401,
  body: { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } },
  note: 'Unauthorized',
  operation: 'DeletePort',
};

export function neutronHandler(prism: Prism): Handler {
  return async (req: IncomingMessage) => {
    await readBody(req); // DELETE has no body; drain whatever was sent.
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const headers = flatHeaders(req);
    const match = PORT_PATH.exec(path);
    if (!match)
      return { ...neutronError(404, 'HTTPNotFound', 'The resource could not be found.'), operation: undefined };
    if (req.method !== 'DELETE')
      return neutronError(
        405,
        'HTTPMethodNotAllowed',
        `${req.method} is not allowed on ${path}; the port API supports DELETE here.`,
      );
    if (!headers['x-auth-token']?.trim()) return keystoneUnauthorized;
    const portId = match[1]!;
    // Neutron looks a non-UUID id up like any other and finds nothing.
    if (!UUID.test(portId)) return neutronError(404, 'PortNotFound', `Port ${portId} could not be found.`);

    const answer = await prism.answer({ method: 'delete', url: { path }, headers }, parsePrefer(headers.prefer));
    if (answer.kind === 'invalid') {
      const v = answer.violations[0]!;
      const field = v.path[0] === 'header' ? 'If-Match' : v.path.join('.');
      return neutronError(
        400,
        'HTTPBadRequest',
        `Invalid ${field}: ${v.message.replace(/^Request header parameter \S+ /, '')}.`,
      );
    }
    if (answer.kind === 'unroutable')
      return neutronError(
        400,
        'HTTPBadRequest',
        `The mock cannot answer this request (check the Prefer header): ${answer.detail}`,
      );
    const body = answer.body as { NeutronError?: { type: string } } | undefined;
    return {
      status: answer.status,
      ...(answer.status !== 204 && { headers: { 'content-type': 'application/json' }, body: answer.body }),
      note: body?.NeutronError?.type ?? answer.example ?? (answer.status === 204 ? 'deleted' : String(answer.status)),
      operation: 'DeletePort',
    };
  };
}
