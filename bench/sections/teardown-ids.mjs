// The ids a teardown bench seeds and plans: the same list in the mocks' process and the bench's.

/** @param {number} count */
export const instanceIds = (count) => Array.from({ length: count }, (_, i) => `i-bench-${i}`);

/** Neutron port ids are UUIDs. @param {number} count */
export const neutronPortIds = (count) =>
  Array.from({ length: count }, (_, i) => `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`);
