// The control plane, on the mock's own port under the reserved prefix /__mock/:
//   GET  /__mock/resources            the inventory            POST /__mock/resources  {resources:[…]} adds
//   POST /__mock/reset                back to the seed (journal and faults cleared)
//   GET  /__mock/requests             the journal, its bound   DELETE /__mock/requests clears it
//   GET  /__mock/control-requests     the control-plane calls (read-only, the newest 1,000)
//   GET  /__mock/faults               queued faults            POST /__mock/faults {faults:[…]} | a fault
//   DELETE /__mock/faults             clears them
// Errors are 400 problem+json with X-Cloud-Release-Mock-Error, naming what is valid.
import type { Answer } from '../answer.js';
import { parseJson } from '../body.js';
import type { Incoming } from '../pipeline.js';
import { InvalidControlInput, SeedError, type Stateful } from '../state/mode.js';

const ROUTES = [
  'GET /__mock/resources',
  'POST /__mock/resources',
  'POST /__mock/reset',
  'GET /__mock/requests',
  'DELETE /__mock/requests',
  'GET /__mock/control-requests',
  'GET /__mock/faults',
  'POST /__mock/faults',
  'DELETE /__mock/faults',
];

// No body: a 204 (send() writes none for an undefined body).
const ok = (body?: unknown, status = 200): Answer => ({
  status: body === undefined ? 204 : status,
  body,
  note: 'control',
});

function problem(kind: string, title: string, detail: string): Answer {
  return {
    status: 400,
    headers: { 'content-type': 'application/problem+json', 'x-cloud-release-mock-error': kind },
    body: { type: `https://cloud-release.dev/mock-errors/${kind}`, title, detail },
    note: `control ${kind}`,
  };
}

function jsonBody(incoming: Incoming): { value: unknown } | Answer {
  if (incoming.body.kind !== 'ok') return problem('control-body', 'Body too large', 'The control body is over 1 MiB.');
  const json = parseJson(incoming.body.bytes);
  if (json.kind === 'json') return { value: json.value };
  return problem(
    'control-body',
    'Body is not JSON',
    json.kind === 'empty' ? 'This call needs a JSON body.' : `Not valid JSON: ${json.reason}.`,
  );
}

function run(action: () => unknown, status = 200): Answer {
  try {
    return ok(action(), status);
  } catch (error) {
    if (error instanceof SeedError) return problem('control-resources', 'Resources refused', error.message);
    // addFaults throws only InvalidControlInput and addResources only SeedError (caught above), so no other error gets here
    if (error instanceof InvalidControlInput) return problem('control-faults', 'Faults refused', error.message);
    throw error;
  }
}

export function controlPlane(state: Stateful, incoming: Incoming): Answer {
  const route = `${incoming.method} ${incoming.rawPath.replace(/\/$/, '')}`;
  switch (route) {
    case 'GET /__mock/resources':
      return ok({ resources: state.resources(), lenient: state.lenientMemory() });
    case 'GET /__mock/requests':
      return ok({ requests: state.requests(), ...state.journalBounds() });
    case 'GET /__mock/control-requests':
      return ok(state.controlRequests());
    case 'DELETE /__mock/requests':
      state.clearRequests();
      return ok();
    case 'GET /__mock/faults':
      return ok({ faults: state.faults() });
    case 'DELETE /__mock/faults':
      state.clearFaults();
      return ok();
    case 'POST /__mock/reset':
      state.reset();
      return ok();
  }
  if (route !== 'POST /__mock/resources' && route !== 'POST /__mock/faults')
    return problem('control-route', 'Unknown control-plane call', `${route} is not one of: ${ROUTES.join(', ')}.`);
  const body = jsonBody(incoming);
  if ('status' in body) return body;
  const value = body.value as Record<string, unknown> | null;
  if (route === 'POST /__mock/resources') {
    if (typeof value !== 'object' || value === null || !('resources' in value))
      return problem('control-resources', 'Resources refused', 'The body must be { "resources": [ … ] }.');
    return run(() => ({ resources: state.addResources(value.resources) }), 201);
  }
  const faults = typeof value === 'object' && value !== null && 'faults' in value ? value.faults : value;
  return run(() => ({ faults: state.addFaults(faults) }), 201);
}
