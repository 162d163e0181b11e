// What a reader must find in the reference: every operation, each documented status and the
// error codes it can carry. The error codes are the example names (each spec names every error
// example after its code, or its Neutron exception type).
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** Follows local `$ref`s (the specs use no other kind). */
export const deref = (spec, node) => {
  let value = node;
  for (let hops = 0; value && typeof value.$ref === 'string' && hops < 16; hops += 1) {
    value = value.$ref
      .slice(2)
      .split('/')
      .reduce((at, key) => at?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], spec);
  }
  return value ?? {};
};

/** [{ operationId, method, path, summary, responses: [{ status, description, codes }] }] */
export function catalog(spec) {
  const operations = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const item = deref(spec, rawItem);
    for (const method of methods.filter((m) => item[m])) {
      const operation = deref(spec, item[method]);
      const responses = Object.entries(operation.responses ?? {}).map(([status, raw]) => {
        const response = deref(spec, raw);
        const examples = Object.values(response.content ?? {}).flatMap((media) => Object.keys(media.examples ?? {}));
        const error = !/^[23]/.test(status);
        return { status, description: response.description ?? '', codes: error ? [...new Set(examples)] : [] };
      });
      operations.push({
        operationId: operation.operationId,
        method,
        path,
        summary: operation.summary ?? '',
        responses,
      });
    }
  }
  return operations;
}

export const errorCodes = (operations) => [
  ...new Set(operations.flatMap((op) => op.responses.flatMap((response) => response.codes))),
];
