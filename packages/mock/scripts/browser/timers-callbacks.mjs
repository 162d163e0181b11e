// node:timers in the browser build: the turn of the event loop the stateful mode lets other
// requests in with while an action runs (a browser has no setImmediate; a 0 ms timeout is a turn).

/** @param {() => void} callback */
export const setImmediate = (callback) => globalThis.setTimeout(callback, 0);
