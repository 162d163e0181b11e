// node:timers/promises in the browser build: a fault's delay the stateful mode awaits.

/**
 * @param {number} ms
 * @param {unknown} [value]
 */
export const setTimeout = (ms, value) => new Promise((resolve) => globalThis.setTimeout(() => resolve(value), ms));
