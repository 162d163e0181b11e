// Which action a request is for. Zenlayer picks the action by the X-ZC-Action header on a
// per-service path; routing mistakes answer 400, never a not-found code: a client that treats
// not-found as "already gone" must not mistake a wrong URL for a released resource.
import type { Answer } from '../../answer.js';
import type { Incoming, Routed } from '../../pipeline.js';
import type { Prism } from '../../prism.js';
import { envelope } from './envelope.js';

/** Service path → its one action, read from the spec's X-ZC-Action enums. */
export function actionsOf(prism: Prism): Map<string, string> {
  const actions = new Map<string, string>();
  for (const op of prism.operations) {
    const header = op.request?.headers?.find((h) => h.name.toLowerCase() === 'x-zc-action');
    const action = (header?.schema as { enum?: string[] } | undefined)?.enum?.[0];
    if (action) actions.set(op.path, action);
  }
  return actions;
}

export function route(actions: Map<string, string>, request: Incoming): Routed | Answer {
  const path = request.rawPath;
  const operation = actions.get(path);
  if (!operation)
    return envelope(
      400,
      'INVALID_PARAMETER_VALUE',
      `Unknown service path ${path}; expected one of ${[...actions.keys()].join(', ')}.`,
    );
  if (request.method !== 'POST')
    return envelope(
      400,
      'INVALID_PARAMETER_VALUE',
      `${request.method} is not supported; every action is a POST.`,
      operation,
    );
  const action = request.headers['x-zc-action'];
  if (!action)
    return envelope(400, 'MISSING_PARAMETER', `Parameter X-ZC-Action is required (expected ${operation}).`, operation);
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
  return { ...request, operation, path, params: {} };
}
