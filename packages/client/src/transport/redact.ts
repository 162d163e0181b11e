// Clients hold secrets; what they print must not. These give a client object a safe face
// for console.log, util.inspect, JSON.stringify and string conversion.
const inspect = Symbol.for('nodejs.util.inspect.custom');

export function withSafeFace<T extends object>(target: T, name: string, describe: () => Record<string, unknown>): T {
  const face = () => describe();
  Object.defineProperties(target, {
    toJSON: { value: face, enumerable: false },
    toString: { value: () => `${name} ${JSON.stringify(face())}`, enumerable: false },
    [inspect]: { value: face, enumerable: false },
  });
  return target;
}
