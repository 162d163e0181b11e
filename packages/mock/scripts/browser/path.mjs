// node:path in the browser build: mime-types (under Prism's content negotiation) asks for a
// type's extension with extname; nothing else on the handlers' path uses it.

/** @param {string} path */
export function extname(path) {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot) : '';
}
