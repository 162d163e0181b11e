// Clients hold secrets (in closures, never as properties); what they print must not. These
// give a client object a safe face for console.log, util.inspect, JSON.stringify and String().
const inspect = Symbol.for('nodejs.util.inspect.custom');

/** The placeholder printed in place of a secret. */
export const MASK = '***';

export function withSafeFace<T extends object>(target: T, name: string, describe: () => Record<string, unknown>): T {
  const face = () => describe();
  Object.defineProperties(target, {
    toJSON: { value: face, enumerable: false },
    toString: { value: () => `${name} ${JSON.stringify(face())}`, enumerable: false },
    [inspect]: { value: () => `${name} ${JSON.stringify(face())}`, enumerable: false },
  });
  return target;
}
