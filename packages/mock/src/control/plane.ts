// The control plane, on the mock's own port under the reserved prefix /__mock/:
//   GET  /__mock/resources            the inventory            POST /__mock/resources  {resources:[…]} adds
//   POST /__mock/reset                back to the seed (journal and faults cleared)
//   GET  /__mock/requests             the journal, its bound   DELETE /__mock/requests clears it
//   POST /__mock/requests/count {filter} → {count}        POST /__mock/requests/find {filter} → {requests}
//   GET  /__mock/control-requests     the control-plane calls (read-only, the newest 1,000)
//   GET  /__mock/faults               queued faults            POST /__mock/faults {faults:[…]} | a fault
//   DELETE /__mock/faults             clears them
//   GET  /__mock/clock                the transitions' clock   POST /__mock/clock {advanceMs} moves it on
//   POST /__mock/resources/pin {type,id,status} holds a resource; POST /__mock/resources/unpin {type,id}
// Errors are problem+json with X-Cloud-Release-Mock-Error, naming what is valid: 401 when the
// mock is locked and the call has no credential it accepts (access.ts), 415 for a POST or a
// body that is not application/json (the only kind a page on another origin cannot send
// without a preflight), 400 for the rest.
import type { Answer } from '../answer.js';
import { mediaType, parseJson } from '../body.js';
import type { Incoming } from '../request.js';
import { InvalidControlInput, SeedError, type Stateful } from '../state/mode.js';
import { type ControlAccessOptions, controlAccess } from './access.js';
import { problem } from './problem.js';

const PREFIX = '/__mock/';

/** Whether a request target (path and query, as sent) is for the control plane. */
export const isControlPath = (target: string) => target.startsWith(PREFIX);

/**
 * On every control answer instead of CORS headers: no page of another origin may embed it
 * (`<script src>`, `<img>`) either, nor a browser sniff it into something it would run.
 */
export const CONTROL_HEADERS: Readonly<Record<string, string>> = {
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
};

type Body = Record<string, unknown> | null;

/**
 * One control-plane call: what it does, and for a call that takes a JSON body, its status and
 * the kind and title of its 400 when the state refuses the body.
 */
interface Route {
  act: (state: Stateful, body: Body) => unknown;
  json?: { status: number; kind: string; title: string };
}

/** A call that takes a JSON body: answered with `status`, refused as a 400 problem of this kind and title. */
const withBody = (kind: string, title: string, status: number, act: Route['act']): Route => ({
  act,
  json: { status, kind, title },
});

/** Every call, in the order a refusal of an unknown one lists them. */
const ROUTES: Record<string, Route> = {
  'GET /__mock/resources': {
    act: (state) => ({
      resources: state.methods.resources(),
      lenient: state.lenientMemory(),
      pinned: state.methods.pins(),
    }),
  },
  'POST /__mock/resources': withBody('control-resources', 'Resources refused', 201, (state, value) => {
    if (typeof value !== 'object' || value === null || !('resources' in value))
      throw new InvalidControlInput(['The body must be { "resources": [ … ] }.']);
    return { resources: state.methods.addResources(value.resources) };
  }),
  'POST /__mock/reset': { act: (state) => state.methods.reset() },
  'GET /__mock/requests': { act: (state) => ({ requests: state.methods.requests(), ...state.journalBounds() }) },
  'DELETE /__mock/requests': { act: (state) => state.methods.clearRequests() },
  'POST /__mock/requests/count': withBody('control-requests', 'Filter refused', 200, (state, filter) => ({
    count: state.methods.countRequests(filter),
  })),
  'POST /__mock/requests/find': withBody('control-requests', 'Filter refused', 200, (state, filter) => ({
    requests: state.methods.requests(filter),
  })),
  'GET /__mock/control-requests': { act: (state) => state.controlRequests() },
  'GET /__mock/faults': { act: (state) => ({ faults: state.methods.faults() }) },
  // The faults this call queued and the queue's length, not the whole queue (GET lists that).
  'POST /__mock/faults': withBody('control-faults', 'Faults refused', 201, (state, value) => {
    const added = state.addFaults(
      typeof value === 'object' && value !== null && 'faults' in value ? value.faults : value,
    );
    return { faults: added, queued: state.methods.faults().length };
  }),
  'DELETE /__mock/faults': { act: (state) => state.methods.clearFaults() },
  'GET /__mock/clock': { act: (state) => state.methods.clock() },
  'POST /__mock/clock': withBody('control-clock', 'Clock not moved', 200, (state, value) => {
    const extra =
      typeof value === 'object' && value !== null ? Object.keys(value).filter((k) => k !== 'advanceMs') : [];
    if (typeof value !== 'object' || value === null || Array.isArray(value) || extra.length)
      throw new InvalidControlInput(['The body must be { "advanceMs": <integer> } and nothing else.']);
    return state.methods.advance(value.advanceMs);
  }),
  'POST /__mock/resources/pin': withBody('control-pin', 'Pin refused', 200, (state, value) => ({
    resource: state.methods.pin(value),
  })),
  'POST /__mock/resources/unpin': withBody('control-pin', 'Unpin refused', 200, (state, value) => ({
    resource: state.methods.unpin(value),
  })),
};

// No body: a 204 (send() writes none for an undefined body).
const ok = (body?: unknown, status = 200): Answer => ({
  status: body === undefined ? 204 : status,
  body,
  note: 'control',
});

const refused = (kind: string, title: string, detail: string) => problem(400, kind, title, detail);

/** A 415 for a POST, or any call with a body, that is not declared application/json. */
function notJson(incoming: Incoming): Answer | undefined {
  const carriesBody = incoming.method === 'POST' || incoming.body.kind !== 'ok' || incoming.body.bytes.length > 0;
  const type = mediaType(incoming.headers['content-type']);
  if (!carriesBody || type === 'application/json') return undefined;
  return problem(
    415,
    'control-content-type',
    'Unsupported media type',
    `${incoming.method} ${incoming.rawPath} needs Content-Type: application/json (got ${type ?? 'none'}).`,
  );
}

function jsonBody(incoming: Incoming): { value: unknown } | Answer {
  if (incoming.body.kind !== 'ok') return refused('control-body', 'Body too large', 'The control body is over 1 MiB.');
  const json = parseJson(incoming.body.bytes);
  if (json.kind === 'json') return { value: json.value };
  return refused(
    'control-body',
    'Body is not JSON',
    json.kind === 'empty' ? 'This call needs a JSON body.' : `Not valid JSON: ${json.reason}.`,
  );
}

/** Runs a call that may refuse its input; the refusal is a 400 of this kind, anything else a failure. */
function run(action: () => unknown, kind: string, title: string, status: number): Answer {
  try {
    return ok(action(), status);
  } catch (error) {
    if (error instanceof SeedError || error instanceof InvalidControlInput) return refused(kind, title, error.message);
    throw error;
  }
}

/** The control plane of one stateful mock: who may call it, then the call. */
export function controlPlane(state: Stateful, options: ControlAccessOptions): (incoming: Incoming) => Answer {
  const access = controlAccess(options);
  return (incoming) => access(incoming) ?? notJson(incoming) ?? call(state, incoming);
}

function call(state: Stateful, incoming: Incoming): Answer {
  const route = `${incoming.method} ${incoming.rawPath.replace(/\/$/, '')}`;
  const found = Object.hasOwn(ROUTES, route) ? ROUTES[route] : undefined;
  if (!found)
    return refused(
      'control-route',
      'Unknown control-plane call',
      `${route} is not one of: ${Object.keys(ROUTES).join(', ')}.`,
    );
  // A call without a body reads or clears: nothing it is given can be refused.
  if (!found.json) return ok(found.act(state, null));
  const { status, kind, title } = found.json;
  const body = jsonBody(incoming);
  if ('status' in body) return body;
  return run(() => found.act(state, body.value as Body), kind, title, status);
}
