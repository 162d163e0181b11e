// node:timers/promises in the browser build: the two the stateful mode awaits (a fault's delay,
// and a turn of the event loop that lets other requests in while an action runs).

/**
 * @param {number} ms
 * @param {unknown} [value]
 */
export const setTimeout = (ms, value) => new Promise((resolve) => globalThis.setTimeout(() => resolve(value), ms));

/** @param {unknown} [value] */
export const setImmediate = (value) => setTimeout(0, value);
