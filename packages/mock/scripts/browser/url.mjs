// node:url in the browser build: the spec's path is a name to look up among the specs bundled
// in (see browser-bundle.mjs), so the URL's path is all it needs.

/** @param {string | URL} url */
export const fileURLToPath = (url) => decodeURIComponent(new URL(url).pathname);
