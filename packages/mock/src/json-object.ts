// The one test of "a JSON object" that every checker of caller input (seeds, faults, filters,
// pins) uses, so that an array or null is refused alike everywhere.

/** A JSON object: not null, not an array. */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
