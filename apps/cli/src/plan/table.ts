// The plan as a person reads it: one row per resource, what it is, what was seen, what will
// happen to it; then the count that apply's prompt asks for.
import { plural, sanitize } from '../text.js';
import type { Plan, PlannedResource } from './file.js';

function what(r: PlannedResource): string {
  if (r.action === 'destroy') return r.steps.join(' → ');
  if (r.action === 'protected') return `protected (--protect ${r.protectedBy})`;
  if (r.action === 'already-gone') return 'already gone: nothing to do';
  return `refused: ${r.code}: ${r.reason}${r.instead ? `; instead: ${r.instead}` : ''}`;
}

function seen(r: PlannedResource): string {
  const status = r.status ?? 'not found';
  const extra = [r.revision !== undefined ? `rev ${r.revision}` : '', r.owner ? `owner ${r.owner}` : ''].filter(
    Boolean,
  );
  return extra.length ? `${status} (${extra.join(', ')})` : status;
}

export function destroyCount(plan: Plan): number {
  return plan.resources.filter((r) => r.action === 'destroy').length;
}

export function planTable(plan: Plan): string[] {
  const rows = [
    ['TYPE', 'ID', 'NAME', 'STATUS', 'PLAN'],
    ...plan.resources.map((r) => [r.type, r.id, r.name ?? '-', seen(r), what(r)].map((cell) => sanitize(cell))),
  ];
  const widths = rows[0]!.slice(0, -1).map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const lines = rows.map((row) =>
    row
      .map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell))
      .join('  ')
      .trimEnd(),
  );
  const count = (action: PlannedResource['action']) => plan.resources.filter((r) => r.action === action).length;
  lines.push(
    '',
    `${plural(destroyCount(plan), 'resource')} to destroy, ${count('refused')} refused, ${count('protected')} protected, ${count('already-gone')} already gone.`,
  );
  return lines;
}
