// The inventory: resources by type and id, with pending transitions (RECYCLING → RECYCLE,
// RELEASING → gone, …) applied lazily when read, so no timers outlive a mock. It remembers the
// ids it held, so a released id answers "not found" rather than being created anew — every
// seeded or added id, and up to LENIENT_ID_LIMIT ids the lenient mode created on first use
// (older ones are forgotten, so no stream of unknown ids can grow the mock without bound).
//
// Requests are visits, numbered as they arrive. A transition a visit starts is seen only by
// visits that arrive after its answer is out, even with transitionMs 0: of two releases of one
// disk that overlap, the second finds it still RECYCLING (as on the real API, whose transitions
// take seconds), never RECYCLED in the same instant. A request sent after the answer came back
// (a sequential rehearsal) sees the transition done at once.
//
// A pinned resource (the control plane's stuck resource) keeps the status it was pinned at: the
// rules still answer from it, but nothing they do moves or removes it until it is unpinned.
import type { Resource } from './resources.js';

interface Entry {
  resource: Resource;
  /** At `at` (ms on the clock) the status becomes `to`, or the resource leaves (`to: null`). */
  pending?: {
    at: number;
    to: string | null;
    /** The visit that started it, while its answer is not out yet. */
    by?: number;
    /** Set when that answer is out: visits numbered above it see the transition. */
    shownAfter?: number;
  };
  /** Pinned: moves and removals by the rules are ignored. */
  pinned?: true;
}

/** Ids created on first use that are remembered; past it (and a tenth more) the oldest are forgotten. */
export const LENIENT_ID_LIMIT = 10_000;
/** How many of the last forgotten ids are listed (GET /__mock/resources). */
const LISTED_FORGOTTEN = LENIENT_ID_LIMIT / 10;

/** What the lenient mode remembers and what it forgot (GET /__mock/resources `lenient`). */
export interface LenientMemory {
  /** At most this many ids created on first use are remembered. */
  limit: number;
  remembered: number;
  /** Ids forgotten since the seed: each would be created anew on its next use. */
  forgotten: number;
  /** The newest forgotten ids, oldest first (at most a tenth of the limit). */
  recentlyForgotten: { type: Resource['type']; id: string }[];
}

/** The inventory as one request sees it; the lifecycle rules only ever get this. */
export interface InventoryView {
  get(type: Resource['type'], id: string): Resource | undefined;
  known(type: Resource['type'], id: string): boolean;
  move(resource: Resource, status: string, then: { afterMs: number; to: string | null }): void;
  remove(resource: Resource): void;
  list(): Resource[];
}

const SEPARATOR = '\u0000';
const keyOf = (type: string, id: string) => `${type}${SEPARATOR}${id}`;
const parseKey = (key: string) => {
  const at = key.indexOf(SEPARATOR);
  return { type: key.slice(0, at) as Resource['type'], id: key.slice(at + 1) };
};

export class Inventory {
  readonly #entries = new Map<string, Entry>();
  readonly #known = new Set<string>();
  /** Keys created on first use, oldest first. */
  readonly #lenient = new Set<string>();
  #forgotten = 0;
  #recentlyForgotten: string[] = [];
  /** Visit numbers and answer marks share one counter, so "arrived after" is a comparison. */
  #sequence = 0;
  /** Visits not answered yet, oldest first (a Set keeps insertion order). */
  readonly #inFlight = new Set<number>();
  readonly #held = new Map<number, Entry[]>();

  constructor(
    private readonly now: () => number = Date.now,
    /** Told each time ids created on first use are forgotten. */
    private readonly onForget?: (forgotten: { type: Resource['type']; id: string }[]) => void,
  ) {}

  /** A request arrives: its number orders it against the answers already out. */
  visit(): number {
    const visit = ++this.#sequence;
    this.#inFlight.add(visit);
    return visit;
  }

  /** Its answer is out: what it started is now seen by the requests that arrive from here on. */
  leave(visit: number) {
    this.#inFlight.delete(visit);
    const shownAfter = ++this.#sequence;
    for (const entry of this.#held.get(visit) ?? []) if (entry.pending) entry.pending.shownAfter = shownAfter;
    this.#held.delete(visit);
  }

  /** The inventory as the request `visit` sees it. */
  seenBy(visit: number): InventoryView {
    return {
      get: (type, id) => this.get(type, id, visit),
      known: (type, id) => this.known(type, id),
      move: (resource, status, then) => this.move(resource, status, then, visit),
      remove: (resource) => this.remove(resource),
      list: () => this.list(visit),
    };
  }

  /** The resource as it is now, or undefined when it does not exist (any more). */
  get(type: Resource['type'], id: string, reader = ++this.#sequence): Resource | undefined {
    const key = keyOf(type, id);
    const entry = this.#entries.get(key);
    return entry && this.#settle(key, entry, reader);
  }

  /** Whether the id is remembered here (seeded, created, or since gone). */
  known(type: Resource['type'], id: string): boolean {
    return this.#known.has(keyOf(type, id));
  }

  /** Seeds and the control plane: the resource as given, remembered for good. */
  put(resource: Resource): Resource {
    const key = keyOf(resource.type, resource.id);
    this.#entries.set(key, { resource: { ...resource } });
    this.#known.add(key);
    this.#lenient.delete(key);
    return resource;
  }

  /** Sets a status now, and another (or removal, `to: null`) after `afterMs`: every move settles. */
  move(resource: Resource, status: string, then: { afterMs: number; to: string | null }, by?: number) {
    if (this.#pinned(resource)) return;
    const entry: Entry = {
      resource: { ...resource, status } as Resource,
      pending: { at: this.now() + then.afterMs, to: then.to, ...(by !== undefined && { by }) },
    };
    const key = keyOf(resource.type, resource.id);
    this.#entries.set(key, entry);
    if (by !== undefined) {
      const held = this.#held.get(by);
      if (held) held.push(entry);
      else this.#held.set(by, [entry]);
    }
    this.#learn(key);
  }

  /** Gone now; the id stays known (a later request for it is "not found"). */
  remove(resource: Resource) {
    if (this.#pinned(resource)) return;
    const key = keyOf(resource.type, resource.id);
    this.#entries.delete(key);
    this.#learn(key);
  }

  /** Every resource that exists now, in insertion order. */
  list(reader = ++this.#sequence): Resource[] {
    const result: Resource[] = [];
    for (const [key, entry] of this.#entries) {
      const resource = this.#settle(key, entry, reader);
      if (resource) result.push(resource);
    }
    return result;
  }

  /**
   * Holds the resource at `status` (its pending transition dropped) until unpinned; undefined
   * when it does not exist. A pinned id is remembered for good, as a seeded one.
   */
  pin(type: Resource['type'], id: string, status: string): Resource | undefined {
    const resource = this.get(type, id);
    if (!resource) return undefined;
    const key = keyOf(type, id);
    const pinned = { ...resource, status } as Resource;
    this.#entries.set(key, { resource: pinned, pinned: true });
    this.#lenient.delete(key);
    return pinned;
  }

  /**
   * Lets the resource move again, from the status it was held at: `then` says what that status
   * becomes (a transition restarted now), if anything. Undefined when it does not exist.
   */
  unpin(
    type: Resource['type'],
    id: string,
    then: (resource: Resource) => { afterMs: number; to: string | null } | undefined,
  ): Resource | undefined {
    const key = keyOf(type, id);
    const entry = this.#entries.get(key);
    if (!entry?.pinned) return this.get(type, id);
    const next = then(entry.resource);
    this.#entries.set(key, {
      resource: entry.resource,
      ...(next && { pending: { at: this.now() + next.afterMs, to: next.to } }),
    });
    return entry.resource;
  }

  /** The pinned resources, in insertion order. */
  pins(): Resource[] {
    return [...this.#entries.values()].filter((e) => e.pinned).map((e) => e.resource);
  }

  #pinned(resource: Resource): boolean {
    return this.#entries.get(keyOf(resource.type, resource.id))?.pinned === true;
  }

  /** Replaces everything (a reset or a seed); ids of the old inventory are forgotten. */
  replace(resources: readonly Resource[]) {
    this.#entries.clear();
    this.#known.clear();
    this.#lenient.clear();
    this.#forgotten = 0;
    this.#recentlyForgotten = [];
    for (const resource of resources) this.put(resource);
  }

  get size(): number {
    return this.#entries.size;
  }

  lenientMemory(): LenientMemory {
    return {
      limit: LENIENT_ID_LIMIT,
      remembered: this.#lenient.size,
      forgotten: this.#forgotten,
      recentlyForgotten: this.#recentlyForgotten.map(parseKey),
    };
  }

  /** A key a rule touched: one never known before was created on first use (lenient mode). */
  #learn(key: string) {
    if (this.#known.has(key)) return;
    this.#known.add(key);
    this.#lenient.add(key);
    // Forgotten in chunks, so a stream of new ids costs one pass per tenth of the limit.
    if (this.#lenient.size > LENIENT_ID_LIMIT + LENIENT_ID_LIMIT / 10) this.#forgetOldest();
  }

  #forgetOldest() {
    const forgotten: string[] = [];
    for (const key of this.#lenient) {
      if (this.#lenient.size - forgotten.length <= LENIENT_ID_LIMIT) break;
      forgotten.push(key);
    }
    for (const key of forgotten) {
      this.#lenient.delete(key);
      this.#known.delete(key);
      this.#entries.delete(key);
    }
    this.#forgotten += forgotten.length;
    this.#recentlyForgotten = forgotten.slice(-LISTED_FORGOTTEN);
    this.onForget?.(forgotten.map(parseKey));
  }

  /** `reader`: the number of the visit reading (the control plane reads as one arriving now). */
  #settle(key: string, entry: Entry, reader: number): Resource | undefined {
    const pending = entry.pending;
    if (!pending || pending.at > this.now()) return entry.resource;
    if (pending.by !== undefined && (pending.shownAfter === undefined || reader < pending.shownAfter))
      return entry.resource;
    const settled = pending.to === null ? undefined : ({ ...entry.resource, status: pending.to } as Resource);
    // Applied for good once no request still in flight arrived before the answer that started it.
    const oldest = this.#inFlight.values().next().value;
    if (pending.shownAfter === undefined || oldest === undefined || oldest > pending.shownAfter) {
      if (settled) this.#entries.set(key, { resource: settled });
      else this.#entries.delete(key);
    }
    return settled;
  }
}
