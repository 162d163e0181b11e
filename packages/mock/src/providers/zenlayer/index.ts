// The Zenlayer provider: every answer is the `{requestId, code, message}` envelope (or the
// spec's documented example), never Prism's own problem+json.
import type { Answer } from '../../answer.js';
import type { Provider } from '../provider.js';
import { checkAuth, type Verifier } from './auth.js';
import { envelope, internalError, newRequestId } from './envelope.js';
import { zenlayerLifecycle } from './lifecycle.js';
import { actionsOf, route } from './route.js';
import { validate } from './validate.js';

/**
 * Every answer gets a fresh request id (the spec's examples all carry the same one, which would
 * mislead a consumer that logs or de-duplicates by it); the success envelope repeats it inside.
 * Every body dressed here is an envelope: the spec's examples, the errors, the stateful answers.
 */
function freshRequestId(body: Record<string, unknown>): Record<string, unknown> {
  const requestId = newRequestId();
  const { response } = body;
  return { ...body, requestId, ...(response !== undefined && { response: { ...(response as object), requestId } }) };
}

export const zenlayer: Provider = {
  newRequestId,
  internalError,
  error: envelope,
  lifecycle: zenlayerLifecycle,
  stages(prism, options) {
    const actions = actionsOf(prism);
    const verifier: Verifier = {
      ...(options.credentials && { credentials: new Map(Object.entries(options.credentials)) }),
      ...(options.bearerTokens && { bearerTokens: new Set(options.bearerTokens) }),
    };
    return {
      route: (request) => route(actions, request),
      authenticate(request) {
        // A body too large to be read cannot be checked against its signature: it is refused for
        // its size (validate), as the gateway in front of an API would, not as a bad signature.
        if (request.body.kind === 'too-large') return undefined;
        const failure = checkAuth({
          headers: request.headers,
          body: request.body.bytes,
          now: options.now?.() ?? new Date(),
          ...verifier,
        });
        return failure && envelope(401, failure.code, failure.message, request.operation);
      },
      validate: (request) => validate(prism, request),
      finish(answer: Answer): Answer {
        if (answer.body === undefined) return answer;
        const code = (answer.body as { code?: unknown }).code;
        return {
          ...answer,
          body: freshRequestId(answer.body as Record<string, unknown>),
          headers: { ...answer.headers, 'content-type': 'application/json' },
          note: answer.note || (typeof code === 'string' ? code : 'accepted'),
        };
      },
    };
  },
};
