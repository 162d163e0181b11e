// --max-wait: a whole number with a unit (ms, s, m, h), e.g. 90s or 20m, at most a day.
import { InvalidArgumentError } from 'commander';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
export const MAX_WAIT_LIMIT_MS = 24 * 3_600_000;

export function parseDuration(value: string): number {
  const match = /^(\d{1,9})(ms|s|m|h)$/.exec(value.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : Number.NaN;
  if (!(ms >= 1000 && ms <= MAX_WAIT_LIMIT_MS))
    throw new InvalidArgumentError(
      'must be a duration from 1s to 24h, a number and a unit: ms, s, m or h (e.g. 90s, 20m).',
    );
  return ms;
}
