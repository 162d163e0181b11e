// The options of the stateful mode (kept apart from the engine so that the public types
// of @cloud-release/mock do not reach into Prism's).

export interface StatefulOptions {
  /** A seed object (`{ resources }`, or `{ zenlayer, neutron }`) or the path of a YAML/JSON seed file. */
  seed?: unknown;
  /** Unseeded ids do not exist. By default an unknown id is created on first use, in the state its action needs. */
  strict?: boolean;
  /**
   * How long asynchronous transitions take (RECYCLING → RECYCLE, RELEASING → gone, …): an
   * integer ≥ 0, default 50 ms. 'manual': the transitions' clock stands still until advanced
   * (`mock.advance(ms)`, `POST /__mock/clock`); each takes 50 ms of it.
   */
  transitionMs?: number | 'manual';
  /** Neutron: Keystone token → project id. Ports of other projects are hidden (404). */
  projects?: Readonly<Record<string, string>>;
  /**
   * A token for the /__mock/ control plane, sent as `Authorization: Bearer <token>`. With it, or
   * with `credentials`, `bearerTokens` or `projects`, every control call needs a credential.
   */
  controlToken?: string;
  /**
   * Where queued faults draw their `probability` and their `delay` from: numbers in [0, 1), like
   * Math.random (the default). A test passes a fixed sequence to make the draws repeatable.
   */
  random?: () => number;
}

export const DEFAULT_TRANSITION_MS = 50;
