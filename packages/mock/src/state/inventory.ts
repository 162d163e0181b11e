// The inventory: resources by type and id, with pending transitions (RECYCLING → RECYCLE,
// RELEASING → gone, …) applied lazily when read, so no timers outlive a mock. It also remembers
// every id it ever held, so a released id answers "not found" rather than being created anew.
import type { Resource } from './resources.js';

interface Entry {
  resource: Resource;
  /** At `at` (ms on the clock) the status becomes `to`, or the resource leaves (`to: null`). */
  pending?: { at: number; to: string | null };
}

const keyOf = (type: string, id: string) => `${type}\u0000${id}`;

export class Inventory {
  readonly #entries = new Map<string, Entry>();
  readonly #known = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The resource as it is now, or undefined when it does not exist (any more). */
  get(type: Resource['type'], id: string): Resource | undefined {
    const key = keyOf(type, id);
    const entry = this.#entries.get(key);
    return entry && this.#settle(key, entry);
  }

  /** Whether the id ever existed here (seeded, created, or since gone). */
  known(type: Resource['type'], id: string): boolean {
    return this.#known.has(keyOf(type, id));
  }

  put(resource: Resource): Resource {
    const key = keyOf(resource.type, resource.id);
    this.#entries.set(key, { resource: { ...resource } });
    this.#known.add(key);
    return resource;
  }

  /** Sets a status now, and another (or removal, `to: null`) after `afterMs`: every move settles. */
  move(resource: Resource, status: string, then: { afterMs: number; to: string | null }) {
    const entry: Entry = {
      resource: { ...resource, status } as Resource,
      pending: { at: this.now() + then.afterMs, to: then.to },
    };
    this.#entries.set(keyOf(resource.type, resource.id), entry);
    this.#known.add(keyOf(resource.type, resource.id));
  }

  remove(resource: Resource) {
    this.#entries.delete(keyOf(resource.type, resource.id));
  }

  /** Every resource that exists now, in insertion order. */
  list(): Resource[] {
    const result: Resource[] = [];
    for (const [key, entry] of this.#entries) {
      const resource = this.#settle(key, entry);
      if (resource) result.push(resource);
    }
    return result;
  }

  /** Replaces everything (a reset or a seed); ids of the old inventory are forgotten. */
  replace(resources: readonly Resource[]) {
    this.#entries.clear();
    this.#known.clear();
    for (const resource of resources) this.put(resource);
  }

  get size(): number {
    return this.#entries.size;
  }

  #settle(key: string, entry: Entry): Resource | undefined {
    if (!entry.pending || entry.pending.at > this.now()) return entry.resource;
    if (entry.pending.to === null) {
      this.#entries.delete(key);
      return undefined;
    }
    const settled: Entry = { resource: { ...entry.resource, status: entry.pending.to } as Resource };
    this.#entries.set(key, settled);
    return settled.resource;
  }
}
