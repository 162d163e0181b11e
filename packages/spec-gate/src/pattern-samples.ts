// Whether a changed request pattern still accepts what the released one accepted. Regex
// containment cannot be decided in general, so the released pattern is sampled: strings it
// generates (randexp, from a fixed seed so a verdict never flips between runs) plus the values
// the released spec documents as examples. A sample the new pattern refuses names the break.
import { createRequire } from 'node:module';

type RandExpClass = new (
  pattern: RegExp,
) => { gen(): string; max: number; randInt: (from: number, to: number) => number };
const RandExp = createRequire(import.meta.url)('randexp') as RandExpClass;

const samples = 300;

/** A small deterministic PRNG (mulberry32). */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/**
 * A value the released pattern accepts and the new one refuses, or undefined if none was found.
 * A pattern JavaScript cannot compile is reported as refusing everything (`<uncompilable>`).
 */
export function refusedSample(released: string, working: string, examples: unknown[]): string | undefined {
  let before: RegExp;
  let after: RegExp;
  try {
    [before, after] = [new RegExp(released), new RegExp(working)];
  } catch {
    return '<uncompilable>';
  }
  const random = seeded(0x5eed);
  const generator = new RandExp(before);
  generator.max = 12; // `+` and `*` repeat at most 12 times: enough to cross every bound in our specs
  generator.randInt = (from, to) => from + Math.floor(random() * (to - from + 1));
  const candidates = [...examples.filter((value): value is string => typeof value === 'string')];
  for (let index = 0; index < samples; index += 1) candidates.push(generator.gen());
  return candidates.find((value) => before.test(value) && !after.test(value));
}
