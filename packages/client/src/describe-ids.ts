/** Ids for a message: all of up to three, else the first two, the last and the count. */
export function describeIds(ids: readonly string[]): string {
  if (ids.length <= 3) return ids.join(', ');
  return `${ids.slice(0, 2).join(', ')} … ${ids[ids.length - 1]} (${ids.length} ids)`;
}
