// Clients hold secrets (in closures, never as properties); what they print must not. These
// give a client object a safe face for console.log, util.inspect, JSON.stringify and String().
const inspect = Symbol.for('nodejs.util.inspect.custom');

/** The placeholder printed in place of a secret. */
export const MASK = '***';

/**
 * Text that may hold a URL, as it may be printed: each userinfo (from a scheme's `:` and slashes
 * up to `@`) masked, wherever it stands. Not only at the start: URL parsing skips leading blanks,
 * reads `\\` as `//` and needs no `//` after a scheme it does not know, so ` http://u:pw@h`,
 * `http:\\u:pw@h` and `u:pw@h` all carry one; a string that is no URL may hold several.
 */
export function redactUrl(text: string): string {
  return text.replace(/(:[/\\]*)[^/\\?#\s]*@/g, `$1${MASK}@`);
}

export function withSafeFace<T extends object>(target: T, name: string, describe: () => Record<string, unknown>): T {
  const face = () => describe();
  Object.defineProperties(target, {
    toJSON: { value: face, enumerable: false },
    toString: { value: () => `${name} ${JSON.stringify(face())}`, enumerable: false },
    [inspect]: { value: () => `${name} ${JSON.stringify(face())}`, enumerable: false },
  });
  return target;
}
