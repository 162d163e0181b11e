// A fault's delay drawn from a distribution, by WireMock's names: uniform between two bounds, or
// lognormal around a median (most answers near it, a long tail of slow ones, as real latency
// is). Draws use the mock's random source (startMock's `random`), so a test can fix them.
import { isObject } from '../json-object.js';

export type Delay =
  | { distribution: 'uniform'; lowerMs: number; upperMs: number }
  | { distribution: 'lognormal'; medianMs: number; sigma: number };

/** The longest a fault holds an answer back, in ms: a fixed delay's limit, and where a draw is cut. */
export const MAX_DELAY_MS = 60_000;
/** The widest lognormal a fault may ask for (sigma 3 already puts 1 answer in 1,000 at 10,000 × the median). */
export const MAX_SIGMA = 10;

const isMs = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX_DELAY_MS;
const FIELDS = { uniform: ['distribution', 'lowerMs', 'upperMs'], lognormal: ['distribution', 'medianMs', 'sigma'] };

/** Checks `delay` as a fault gives it; returns it or the problems with it, each named from `at`. */
export function parseDelay(input: unknown, at: string): Delay | string[] {
  if (!isObject(input))
    return [
      `${at} must be { distribution: 'uniform', lowerMs, upperMs } or { distribution: 'lognormal', medianMs, sigma }`,
    ];
  const { distribution } = input;
  if (distribution !== 'uniform' && distribution !== 'lognormal')
    return [`${at}.distribution must be 'uniform' or 'lognormal'`];
  const fields = FIELDS[distribution];
  const problems = Object.keys(input)
    .filter((k) => !fields.includes(k))
    .map((k) => `${at}.${k} is not a field of a ${distribution} delay (${fields.join(', ')})`);
  if (distribution === 'uniform') {
    const { lowerMs, upperMs } = input;
    if (!isMs(lowerMs)) problems.push(`${at}.lowerMs must be an integer 0..${MAX_DELAY_MS}`);
    if (!isMs(upperMs)) problems.push(`${at}.upperMs must be an integer 0..${MAX_DELAY_MS}`);
    else if (isMs(lowerMs) && upperMs < lowerMs) problems.push(`${at}.upperMs must be ≥ lowerMs`);
    return problems.length ? problems : { distribution, lowerMs: lowerMs as number, upperMs: upperMs as number };
  }
  const { medianMs, sigma } = input;
  if (!isMs(medianMs)) problems.push(`${at}.medianMs must be an integer 0..${MAX_DELAY_MS}`);
  // Written so that NaN (possible in process, not in JSON) is refused too.
  if (!(typeof sigma === 'number' && sigma >= 0 && sigma <= MAX_SIGMA))
    problems.push(`${at}.sigma must be a number 0..${MAX_SIGMA}`);
  return problems.length ? problems : { distribution, medianMs: medianMs as number, sigma: sigma as number };
}

/**
 * One delay in whole ms, 0..MAX_DELAY_MS. `random` returns numbers in [0, 1) like Math.random.
 * Uniform: every whole ms from lowerMs to upperMs alike. Lognormal: median × e^(sigma × z), z a
 * standard normal (Box–Muller from two draws).
 */
export function drawDelay(delay: Delay, random: () => number): number {
  if (delay.distribution === 'uniform')
    return Math.min(delay.upperMs, delay.lowerMs + Math.floor(random() * (delay.upperMs - delay.lowerMs + 1)));
  // 1 - u is in (0, 1]: its logarithm is finite.
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const ms = Math.round(delay.medianMs * Math.exp(delay.sigma * z));
  return Math.min(MAX_DELAY_MS, ms);
}
