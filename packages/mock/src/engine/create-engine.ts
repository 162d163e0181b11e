// One mock's engine, built once: its provider's stages over Prism, and in the stateful mode
// the inventory, journal, faults and control plane. Everything that can be wrong with the
// options throws here, before any way in (a server, a fetch, MSW handlers) takes a request.

import { controlPlane } from '../control/plane.js';
import { withFindings } from '../findings.js';
import type { Answerer } from '../pipeline.js';
import { createPrism, type Prism } from '../prism.js';
import { type Api, providers } from '../providers/index.js';
import type { ProviderOptions } from '../providers/provider.js';
import { specPath } from '../spec-path.js';
import { createStateful } from '../state/mode.js';
import type { StatefulOptions } from '../state/options.js';
import { loadResourceSchemas } from '../state/resource-schemas.js';
import type { StatefulMethods } from '../stateful-mock.js';
import type { Arrival } from './arrival.js';
import { handleRequest } from './handle.js';
import type { Reply } from './reply.js';

/** What a mock is, whichever way requests reach it. */
export interface MockOptions extends ProviderOptions, StatefulOptions {
  api: Api;
  /**
   * 'examples' (the default): every answer is the spec's documented example (or the one
   * `Prefer` names). 'stateful': an inventory with the providers' lifecycle rules, a journal,
   * queued faults and the /__mock/ control plane.
   */
  mode?: 'examples' | 'stateful';
  /**
   * Receives one line per request: which request got which answer, control characters escaped
   * (`\u001b`), so what a request carries cannot act on a terminal. Silent by default.
   */
  log?: (line: string) => void;
}

/** Not public yet: how a mode other than examples (e.g. stateful) supplies its answer step. */
export interface ModeOptions {
  answerer?: Answerer;
}

export interface Engine {
  api: Api;
  /** Answers one request; never rejects. */
  handle(arrival: Arrival): Promise<Reply>;
  /** The control plane as methods: stateful mode only. */
  methods: StatefulMethods | undefined;
}

const prisms = new Map<Api, Promise<Prism>>();
// Parsing a spec costs tens of milliseconds; every mock of a process shares one.
const prismFor = (api: Api) => {
  if (!prisms.has(api)) prisms.set(api, createPrism(specPath(api)));
  return prisms.get(api)!;
};

export async function createEngine(options: MockOptions & ModeOptions): Promise<Engine> {
  const { api } = options;
  const provider = providers[api];
  const prism = await prismFor(api);
  // Each refusal says which stage made it, for the journal's validation verdict.
  const stages = withFindings(provider.stages(prism, options));
  // A malformed seed throws here.
  const state =
    options.mode === 'stateful'
      ? createStateful(api, prism, options, loadResourceSchemas(api, specPath(api)))
      : undefined;
  // A controlToken that cannot be sent in a header throws here.
  const control = state && controlPlane(state, options);
  const parts = { api, provider, stages, state, control, answerer: options.answerer, log: options.log };
  return { api, handle: (arrival) => handleRequest(parts, arrival), methods: state?.methods };
}
