// The end of an apply: one line per resource, counts, and the exit code the results deserve.
import type { TeardownResult } from '@cloud-release/client';
import type { Out } from '../io.js';
import { sanitize } from '../text.js';
import { EXIT } from '../usage.js';

/** 0 every resource reached its end; 1 some refused or failed; 3 some timed out or unknown; 130 interrupted. */
export function exitFor(results: readonly TeardownResult[], interrupted: boolean): number {
  if (interrupted) return EXIT.interrupted;
  if (results.some((r) => r.result === 'refused' || r.result === 'not-started')) return EXIT.apiError;
  if (results.some((r) => r.result === 'timeout' || r.result === 'unknown')) return EXIT.unfinished;
  return EXIT.ok;
}

function detail(r: TeardownResult): string {
  if (r.result === 'refused')
    return ` at ${r.step}: ${r.code}: ${sanitize(r.reason)}${r.instead ? `; instead: ${sanitize(r.instead)}` : ''}`;
  if (r.result === 'timeout') return ` at ${r.step}, last status ${r.status ?? 'unknown'}`;
  if (r.result === 'unknown') return ` at ${r.step}: sent, no answer known (${sanitize(r.reason)})`;
  if (r.result === 'not-started') return ` at ${r.step}`;
  return '';
}

export function printResults(results: readonly TeardownResult[], out: Out): void {
  for (const r of results) out.out(`${r.type} ${r.id}: ${r.result}${detail(r)}`);
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r.result, (counts.get(r.result) ?? 0) + 1);
  out.out([...counts].map(([result, n]) => `${n} ${result}`).join(', '));
}
