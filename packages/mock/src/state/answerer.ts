// The stateful answer step: a queued fault if one matches, else the spec's example when the
// request asks for one with `Prefer`, else the provider's lifecycle rule on the inventory (a
// latency or applyThenDrop fault lets that answer be made, then delays or withholds it).
import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import type { Answer } from '../answer.js';
import type { FaultQueue } from '../control/faults.js';
import { type Answerer, exampleAnswerer } from '../pipeline.js';
import type { Api } from '../providers/index.js';
import { keystoneUnauthorized } from '../providers/neutron/errors.js';
import type { Provider } from '../providers/provider.js';
import type { Validated } from '../request.js';
import { neutronRule } from './neutron-rules.js';
import type { Outcome, RuleContext } from './outcome.js';
import { zenlayerRules } from './zenlayer-rules.js';

/** Event-loop turns a Zenlayer action waits; 3 let 200 pairs sent at once on fresh connections overlap. */
const ACTION_TURNS = 3;

export interface AnswererDeps {
  api: Api;
  ctx: RuleContext;
  faults: FaultQueue;
  /** Neutron: token → project. When given, an unmapped token is refused like Keystone would. */
  projects?: Readonly<Record<string, string>>;
}

function dress(api: Api, outcome: Outcome, operation: string, provider: Provider): Answer {
  if (!outcome.ok) return provider.error(outcome.status, outcome.code, outcome.message, operation);
  if (api === 'neutron')
    return {
      status: outcome.status ?? 200,
      // A 204 outcome has no body: the provider's finish step sends none.
      body: outcome.body,
      note: '',
      operation,
    };
  // The provider's finish step puts a fresh request id in both places; these empty ones only
  // put requestId first, where Zenlayer's envelope has it.
  const response = { requestId: '', ...(outcome.body as object | undefined) };
  return {
    status: 200,
    body: { requestId: '', response },
    // The finish step names a success 'accepted' in the log.
    note: '',
    operation,
  };
}

/** Neutron's version documents, pointing at this mock (keystoneauth compares the self href). */
function versionDocument(request: Validated): Answer | undefined {
  const base = `http://${request.headers.host ?? '127.0.0.1'}`;
  const link = (href: string) => [{ rel: 'self', href }];
  if (request.operation === 'ListApiVersions')
    return {
      status: 200,
      body: { versions: [{ id: 'v2.0', status: 'CURRENT', links: link(`${base}/v2.0/`) }] },
      note: '',
      operation: request.operation,
    };
  if (request.operation === 'ListApiResources')
    return {
      status: 200,
      body: { resources: [{ name: 'port', collection: 'ports', links: link(`${base}/v2.0/ports`) }] },
      note: '',
      operation: request.operation,
    };
  return undefined;
}

async function answerNeutron(deps: AnswererDeps, request: Validated, provider: Provider): Promise<Answer> {
  const fixed = versionDocument(request);
  if (fixed) return fixed;
  // Every request here carries a token: the authenticate step answered those without one (only
  // the root versions document, answered above, is public). Node strips a header value's blanks.
  const token = request.headers['x-auth-token']!;
  // Own entries only: a token spelled like an Object member (constructor) maps to no project.
  const project = deps.projects && Object.hasOwn(deps.projects, token) ? deps.projects[token] : undefined;
  if (deps.projects && project === undefined) return keystoneUnauthorized(request.operation);
  // The provider's validate step put the If-Match revision (when one counts) in the params.
  const revision = request.params.revision_number;
  const outcome = neutronRule(deps.ctx, {
    operation: request.operation,
    portId: request.params.port_id,
    project,
    ...(revision !== undefined && { revision: Number(revision) }),
    query: new URLSearchParams(request.rawQuery),
  });
  return outcome ? dress('neutron', outcome, request.operation, provider) : exampleAnswerer(request, provider);
}

export function statefulAnswerer(deps: AnswererDeps): Answerer {
  return async (request, provider) => {
    const fault = deps.faults.take(request.operation);
    if (fault?.kind === 'drop') return { status: 0, note: 'dropped', operation: request.operation, fault: 'drop' };
    if (fault?.kind === 'status') {
      const message = fault.message ?? `Injected fault: ${fault.status} ${fault.code}.`;
      const answer = provider.error(fault.status, fault.code, message, request.operation);
      return {
        ...answer,
        fault: 'status',
        ...(fault.retryAfter !== undefined && {
          headers: { ...answer.headers, 'retry-after': String(fault.retryAfter) },
        }),
      };
    }
    if (fault?.kind === 'latency') await sleep(fault.latencyMs);
    // A Zenlayer action waits a few event-loop turns before its rule runs, as the real API's
    // backend call takes time: a request for the same resource sent alongside (even on a new
    // connection: connect, accept, read) arrives meanwhile and sees this one's transition under
    // way (Inventory), even with transitionMs 0. Turns, not a timer: no fixed delay per request.
    else if (deps.api === 'zenlayer' && !request.operation.startsWith('Describe'))
      for (let turn = 0; turn < ACTION_TURNS; turn++) await setImmediate();
    const answer = request.headers.prefer
      ? await exampleAnswerer(request, provider)
      : deps.api === 'zenlayer'
        ? dress(
            deps.api,
            zenlayerRules[request.operation]!(deps.ctx, request.json as Record<string, unknown>),
            request.operation,
            provider,
          )
        : await answerNeutron(deps, request, provider);
    // applyThenDrop: the action above was applied; the transport drops the connection instead
    // of sending its answer.
    return fault ? { ...answer, fault: fault.kind === 'latency' ? 'latency' : 'applyThenDrop' } : answer;
  };
}
