// The stateful mode of one mock: its inventory, journal and fault queue, the answer step that
// uses them, and the operations behind the control plane (also the methods startMock returns).

import type { Answer } from '../answer.js';
import { ControlJournal } from '../control/control-journal.js';
import { type Documented, type Fault, FaultQueue, MAX_QUEUED_FAULTS, parseFault } from '../control/faults.js';
import { Journal } from '../control/journal.js';
import { matches, parseFilter } from '../control/journal-filter.js';
import type { Answerer } from '../pipeline.js';
import type { Prism } from '../prism.js';
import { type Api, providers } from '../providers/index.js';
import type { Incoming, Validated } from '../request.js';
import type { StatefulMethods } from '../stateful-mock.js';
import { statefulAnswerer } from './answerer.js';
import { TransitionClock } from './clock.js';
import { InvalidControlInput } from './control-input.js';
import { Inventory, LENIENT_ID_LIMIT } from './inventory.js';
import type { StatefulOptions } from './options.js';
import type { RuleContext } from './outcome.js';
import { notHeld, parsePin, passageOf } from './pins.js';
import { randomSource } from './random.js';
import type { ResourceSchemas } from './resource-schemas.js';
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
        // Prism lists contents and examples as arrays for every response (empty when the spec has none).
        r.contents!.flatMap((c) => c.examples!.map((e) => e.key)),
      );
    documented.set(op.iid ?? op.id, statuses);
  }
  return documented;
}

export { InvalidControlInput };

export function createStateful(
  api: Api,
  prism: Prism,
  options: StatefulOptions & { now?: () => Date; log?: (line: string) => void },
  /** The spec's schemas a seed's fields are held to. */
  schemas: ResourceSchemas,
) {
  // The mock's clock (startMock's `now`) also times the transitions, so tests can step it;
  // with transitionMs 'manual' only advances move it.
  const clock = new TransitionClock(options.transitionMs, () => options.now?.().getTime() ?? Date.now());
  const inventory = new Inventory(
    () => clock.now(),
    (forgotten) => {
      // A log callback that throws must not fail the request that happened to cross the limit.
      try {
        options.log?.(forgetLine(api, forgotten));
      } catch {}
    },
  );
  const seedInput = typeof options.seed === 'string' ? readSeedFile(options.seed) : options.seed;
  const seed: Resource[] = seedInput === undefined ? [] : resourcesOf(api, seedInput, schemas);
  inventory.replace(seed);
  const journal = new Journal();
  const controlJournal = new ControlJournal();
  const faults = new FaultQueue();
  const documented = documentedOf(prism);
  const operations = [...documented.keys()];
  // A random source that is not a function throws here, before anything listens.
  const random = randomSource(options.random);
  const { lifecycle } = providers[api];
  const strict = options.strict ?? false;
  const { projects } = options;
  /** What the rules see of the mock while answering the request `visit`. */
  const ctxFor = (visit: number): RuleContext => ({
    inventory: inventory.seenBy(visit),
    strict,
    transitionMs: clock.transitionMs,
    ...(projects && { projects }),
  });
  const answer = statefulAnswerer({ lifecycle, faults, random });

  /**
   * Queues faults and returns those it queued (not the whole queue: its answer stays small);
   * all are checked first, so none is queued when one is wrong or the queue has no room. A
   * list names each `faults[i]`; one fault alone (a control call's body) is named `fault`.
   */
  function addFaults(input: unknown): Fault[] {
    const list = Array.isArray(input) ? input : [input];
    // Counted before each is checked: a list too long is refused without a line per fault.
    if (faults.size + list.length > MAX_QUEUED_FAULTS)
      throw new InvalidControlInput([
        `faults: the queue holds at most ${MAX_QUEUED_FAULTS} faults (${faults.size} queued, ${list.length} sent); DELETE /__mock/faults empties it`,
      ]);
    const parsed = list.map((f, i) => parseFault(f, documented, Array.isArray(input) ? `faults[${i}]` : 'fault'));
    const problems = parsed.filter((p): p is string[] => Array.isArray(p)).flat();
    if (problems.length) throw new InvalidControlInput(problems);
    faults.add(parsed as Fault[]);
    return (parsed as Fault[]).map((f) => ({ ...f }));
  }

  /**
   * The operations of the control plane, as startMock returns them (see stateful-mock.ts); they
   * take `unknown`, as the routes pass what a caller sent, and check it.
   */
  const methods = {
    resources: () => inventory.list(),
    /** Adds (or overwrites) resources; validated whole first, so nothing changes on an error. */
    addResources(input: unknown): Resource[] {
      const resources = validateResources(api, input, schemas);
      for (const resource of resources) inventory.put(resource);
      return resources;
    },
    /** Back to the seed (empty without one); the journal and the fault queue are cleared too. */
    reset() {
      inventory.replace(seed);
      journal.clear();
      faults.clear();
    },
    /** The journal, or the lines a filter matches; throws InvalidControlInput for a bad filter. */
    requests(filter?: unknown) {
      if (filter === undefined) return journal.list();
      const parsed = parseFilter(filter, operations);
      return journal.list((entry) => matches(entry, parsed));
    },
    countRequests(filter?: unknown): number {
      const parsed = parseFilter(filter, operations);
      return journal.count((entry) => matches(entry, parsed));
    },
    clearRequests: () => journal.clear(),
    fault: (...list: unknown[]) => addFaults(list),
    faults: () => faults.list(),
    clearFaults: () => faults.clear(),
    /** Moves the transitions' clock on (see clock.ts); throws InvalidControlInput for a bad amount. */
    advance: (ms: unknown) => clock.advance(ms),
    clock: () => clock.report(),
    /** Holds `{ type, id, status }` at that status until unpinned; throws InvalidControlInput. */
    pin(input: unknown): Resource {
      const target = parsePin(api, lifecycle, input, true);
      const pinned = inventory.pin(target.type, target.id, target.status);
      if (!pinned) throw notHeld(target);
      return pinned;
    },
    /** Lets `{ type, id }` move again: a status in passage finishes its transition transitionMs from now. */
    unpin(input: unknown): Resource {
      const target = parsePin(api, lifecycle, input, false);
      const resource = inventory.unpin(target.type, target.id, (held) => {
        const passage = passageOf(lifecycle, held);
        return passage && { afterMs: clock.transitionMs, to: passage.to };
      });
      if (!resource) throw notHeld(target);
      return resource;
    },
    pins: () => inventory.pins(),
  } satisfies StatefulMethods;

  return {
    methods,
    /**
     * A request arrives. `serve` answers it if it is an API request: `run` gets the answer step,
     * which sees the inventory as of the arrival, and the answer is journaled (ids only when the
     * request passed validation). `leave` once the answer is ready to go, whatever it is.
     */
    visit() {
      const visit = inventory.visit();
      return {
        async serve(incoming: Incoming, run: (answerer: Answerer) => Promise<Answer>): Promise<Answer> {
          let validated: Validated | undefined;
          const answered = await run((request, provider) => {
            validated = request;
            return answer(request, provider, ctxFor(visit));
          });
          journal.record(incoming, answered, validated);
          return answered;
        },
        leave: () => inventory.leave(visit),
      };
    },
    /** Journals one control-plane call (apart from the API journal). */
    recordControl: (incoming: Incoming, answer: Answer) => controlJournal.record(incoming, answer),
    controlRequests: () => controlJournal.report(),
    lenientMemory: () => inventory.lenientMemory(),
    journalBounds: () => journal.bounds(),
    /** A control call's faults: a list, or one fault alone. */
    addFaults,
  };
}

/** One log line for ids the lenient mode forgot: how many, and the first and last of them. */
function forgetLine(api: Api, forgotten: { type: string; id: string }[]): string {
  const name = (r: { type: string; id: string } | undefined) => (r ? `${r.type} ${JSON.stringify(r.id)}` : '');
  const span = forgotten.length > 1 ? `${name(forgotten[0])} … ${name(forgotten.at(-1))}` : name(forgotten[0]);
  return `${api} lenient mode: forgot ${forgotten.length} ids created on first use (over ${LENIENT_ID_LIMIT}), oldest first: ${span}; each would be created anew`;
}

export type Stateful = ReturnType<typeof createStateful>;
export type { StatefulOptions };
export { SeedError };
