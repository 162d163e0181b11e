// Which action a request is for. Zenlayer picks the action by the X-ZC-Action header on a
// per-service path; routing mistakes answer 400, never a not-found code: a client that treats
// not-found as "already gone" must not mistake a wrong URL for a released resource.
// The spec writes each companion action as its service path plus `#<Action>` (OpenAPI allows
// one POST per path); the wire never carries the fragment, so (wire path, action) → spec path.
import type { Answer } from '../../answer.js';
import type { Prism } from '../../prism.js';
import type { Incoming, Routed } from '../../request.js';
import { envelope } from './envelope.js';

/** Service path (as on the wire) → action → the spec path Prism routes on. */
export type Actions = Map<string, Map<string, string>>;

export function actionsOf(prism: Prism): Actions {
  const actions: Actions = new Map();
  for (const op of prism.operations) {
    // Every operation of spec/zenlayer.yaml declares X-ZC-Action with a one-value enum, so the
    // guards below never fire on the served spec; they keep a spec without one from crashing.
    const header = op.request?.headers?.find((h) => h.name.toLowerCase() === 'x-zc-action');
    const action = (header?.schema as { enum?: string[] } | undefined)?.enum?.[0];
    if (!action) continue;
    const wirePath = op.path.split('#')[0]!;
    if (!actions.has(wirePath)) actions.set(wirePath, new Map());
    actions.get(wirePath)!.set(action, op.path);
  }
  return actions;
}

export function route(actions: Actions, request: Incoming): Routed | Answer {
  const path = request.rawPath;
  const served = actions.get(path);
  if (!served)
    return envelope(
      400,
      'INVALID_PARAMETER_VALUE',
      `Unknown service path ${path}; expected one of ${[...actions.keys()].join(', ')}.`,
    );
  // Only a refusal names them.
  const names = () => [...served.keys()].join(', ');
  // A missing X-ZC-Action and an empty one are the same mistake.
  const action = request.headers['x-zc-action'] ?? '';
  const specPath = served.get(action);
  if (request.method !== 'POST')
    return envelope(
      400,
      'INVALID_PARAMETER_VALUE',
      `${request.method} is not supported; every action is a POST.`,
      specPath && action,
    );
  if (!action) return envelope(400, 'MISSING_PARAMETER', `Parameter X-ZC-Action is required (one of ${names()}).`);
  if (!specPath) {
    const elsewhere = [...actions].find(([, byAction]) => byAction.has(action))?.[0];
    return envelope(
      400,
      'INVALID_PARAMETER_VALUE',
      elsewhere
        ? `Action ${action} is not served at ${path}; it is served at ${elsewhere}. ${path} serves ${names()}.`
        : `Unknown action ${action}; ${path} serves ${names()}.`,
    );
  }
  return { ...request, operation: action, path: specPath, params: {} };
}
