// Whether Prism's router takes a request to an operation and its validator finds nothing at
// all, asked once per request, at Prism's price only for what changes from one request to the
// next. Prism's verdict is kept: its own router and validateInput decide, on the same input.
//
// Prism's validateInput is four checks, and passes when each does: the body (against the
// operation's body, with Content-Type and Content-Length), the headers the operation names, the
// query and the path parameters. A client repeats the same path, query and named headers (an
// SDK's X-ZC-Action, X-ZC-Version, …) request after request while its body changes, and the
// router reads only the method and path. So the body is validated every time (validateInput on
// the operation with its body alone), and the route and the other three checks (validateInput on
// the operation without its body, given no body) are remembered by exactly what they read. This
// cut Prism's share of a request by more than half: it rebuilt and matched URI templates, and
// ran lodash over the headers, for every request.
import type { IHttpRequest } from '@stoplight/prism-http';
import type { IHttpOperation } from '@stoplight/types';

type Either = { _tag: 'Left' | 'Right' };
type Route = (options: { resources: IHttpOperation[]; input: IHttpRequest }) => Either;
type ValidateInput = (options: { resource: IHttpOperation; element: IHttpRequest }) => Either;

/** The headers Prism's body check reads; an operation that names one as a header parameter is not split. */
const BODY_HEADERS = ['content-type', 'content-length'];
/** Past this many remembered verdicts per operation (a timestamp header changes every second), start over. */
const REMEMBERED_LIMIT = 256;

interface Split {
  /** The operation with its body alone: validateInput checks the body only. */
  body: IHttpOperation;
  /** The operation without its body: validateInput checks headers, query and path only. */
  rest: IHttpOperation;
  /** The header parameters' names, lower-cased as Prism's validator reads them. */
  names: string[];
  /** Deprecated header parameters' names as spelled: Prism warns when the request has them, as spelled. */
  deprecated: string[];
  verdicts: Map<string, boolean>;
}

function splitOf(operation: IHttpOperation): Split | undefined {
  const { request } = operation;
  const headers = request?.headers ?? [];
  if (headers.some((h) => BODY_HEADERS.includes(h.name.toLowerCase()))) return undefined;
  return {
    body: { ...operation, request: request && { body: request.body } },
    rest: { ...operation, request: request && { ...request, body: undefined } },
    names: headers.map((h) => h.name.toLowerCase()),
    deprecated: headers.filter((h) => h.deprecated).map((h) => h.name),
    verdicts: new Map(),
  };
}

/** The request's headers under lower-cased names, the last of a clash kept: as Prism's validator reads them. */
function lowerCased(headers: Record<string, string>): Record<string, string> {
  const lowered: Record<string, string> = Object.create(null);
  for (const name of Object.keys(headers)) lowered[name.toLowerCase()] = headers[name]!;
  return lowered;
}

/** Everything but the body that the route and the three other checks read. */
function keyOf(split: Split, request: IHttpRequest): string {
  const headers = request.headers ?? {};
  const lowered = lowerCased(headers);
  return JSON.stringify([
    request.method,
    request.url.path,
    request.url.baseUrl ?? null,
    request.url.query ?? null,
    split.names.map((name) => lowered[name] ?? null),
    split.deprecated.map((name) => headers[name] ?? null),
  ]);
}

/** The request without its body and the body's headers: the body check of `rest` then always passes. */
function bodiless(request: IHttpRequest): IHttpRequest {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {}))
    if (!BODY_HEADERS.includes(name.toLowerCase())) headers[name] = value;
  return { ...request, headers, body: undefined };
}

export function cachedPasses(route: Route, validateInput: ValidateInput) {
  const splits = new WeakMap<IHttpOperation, Split | undefined>();
  const splitFor = (operation: IHttpOperation) => {
    if (!splits.has(operation)) splits.set(operation, splitOf(operation));
    return splits.get(operation);
  };
  const routedAndValid = (request: IHttpRequest, operation: IHttpOperation) =>
    route({ resources: [operation], input: request })._tag === 'Right' &&
    validateInput({ resource: operation, element: request })._tag === 'Right';

  return (request: IHttpRequest, operation: IHttpOperation): boolean => {
    const split = splitFor(operation);
    if (!split) return routedAndValid(request, operation);
    if (validateInput({ resource: split.body, element: request })._tag !== 'Right') return false;
    const key = keyOf(split, request);
    let verdict = split.verdicts.get(key);
    if (verdict === undefined) {
      verdict = routedAndValid(bodiless(request), split.rest);
      if (split.verdicts.size >= REMEMBERED_LIMIT) split.verdicts.clear();
      split.verdicts.set(key, verdict);
    }
    return verdict;
  };
}
