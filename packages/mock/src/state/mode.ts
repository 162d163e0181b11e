// The stateful mode of one mock: its inventory, journal and fault queue, the answer step that
// uses them, and the operations behind the control plane (also the methods startMock returns).
import { type Documented, type Fault, FaultQueue, parseFault } from '../control/faults.js';
import { Journal } from '../control/journal.js';
import type { Answerer } from '../pipeline.js';
import type { Prism } from '../prism.js';
import type { Api } from '../providers/index.js';
import { statefulAnswerer } from './answerer.js';
import { Inventory } from './inventory.js';
import { DEFAULT_TRANSITION_MS, type StatefulOptions } from './options.js';
import type { RuleContext } from './outcome.js';
import type { Resource } from './resources.js';
import { readSeedFile, resourcesOf, SeedError, validateResources } from './seed.js';

/** operationId → status → the codes (Zenlayer) or types (Neutron) the spec lists as examples. */
export function documentedOf(prism: Prism): Documented {
  const documented: Documented = new Map();
  for (const op of prism.operations) {
    const statuses = new Map<number, string[]>();
    for (const r of op.responses)
      statuses.set(
        Number(r.code),
        (r.contents ?? []).flatMap((c) => (c.examples ?? []).map((e) => e.key)),
      );
    documented.set(op.iid ?? op.id, statuses);
  }
  return documented;
}

export class InvalidControlInput extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

export function createStateful(api: Api, prism: Prism, options: StatefulOptions & { now?: () => Date }) {
  // The mock's clock (startMock's `now`) also times the transitions, so tests can step it.
  const inventory = new Inventory(() => options.now?.().getTime() ?? Date.now());
  const seedInput = typeof options.seed === 'string' ? readSeedFile(options.seed) : options.seed;
  const seed: Resource[] = seedInput === undefined ? [] : resourcesOf(api, seedInput);
  inventory.replace(seed);
  const journal = new Journal();
  const faults = new FaultQueue();
  const documented = documentedOf(prism);
  const ctx: RuleContext = {
    inventory,
    strict: options.strict ?? false,
    transitionMs: options.transitionMs ?? DEFAULT_TRANSITION_MS,
  };
  const answerer: Answerer = statefulAnswerer({
    api,
    ctx,
    faults,
    ...(options.projects && { projects: options.projects }),
  });

  return {
    answerer,
    journal,
    resources: (): Resource[] => inventory.list(),
    /** Adds (or overwrites) resources; validated whole first, so nothing changes on an error. */
    addResources(input: unknown): Resource[] {
      const resources = validateResources(api, input);
      for (const resource of resources) inventory.put(resource);
      return resources;
    },
    /** Back to the seed (empty without one); the journal and the fault queue are cleared too. */
    reset() {
      inventory.replace(seed);
      journal.clear();
      faults.clear();
    },
    requests: () => journal.list(),
    clearRequests: () => journal.clear(),
    /** Queues faults; all are checked first, so none is queued when one is wrong. */
    addFaults(input: unknown): Fault[] {
      const list = Array.isArray(input) ? input : [input];
      const parsed = list.map((f, i) => parseFault(f, documented, Array.isArray(input) ? `faults[${i}]` : 'fault'));
      const problems = parsed.filter((p): p is string[] => Array.isArray(p)).flat();
      if (problems.length) throw new InvalidControlInput(problems);
      faults.add(parsed as Fault[]);
      return faults.list();
    },
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
  };
}

export type Stateful = ReturnType<typeof createStateful>;
export type { StatefulOptions };
export { SeedError };
