// Helpers for naming the generated types, shared by both providers' type modules.

/** The JSON body of a documented response (never, when the response has none). */
export type JsonOf<R> = R extends { content: { 'application/json': infer B } } ? B : never;
