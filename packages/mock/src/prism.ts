// Prism does the mocking: it routes, validates against the spec and picks the documented
// example. We call its core in-process (not its HTTP server) so that the wire behaviour
// around it — body parsing, auth, the provider's error shapes — is ours to get right.
//
// How it is loaded, for a fresh process's first answer: only Prism's request path
// (prism-request-path.ts), and only when a mock is created (`import()`), never by importing the
// package. The spec's operations come from `<spec>.operations.json`, which the build writes
// beside each copied spec with Prism's own parser (scripts/parsed-specs.mjs): parsing and
// dereferencing the YAML at every start took longer than all the rest. A spec without that file
// (the repository's own, in tests) is parsed as before.
import { readFile } from 'node:fs/promises';
import type { IHttpConfig, IHttpOperationConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import type { HttpMethod, IHttpOperation } from '@stoplight/types';

export interface Violation {
  /** Where, e.g. ['body', 'instanceIds', '0'] or ['header', 'x-zc-action']. */
  path: string[];
  /** The JSON-schema keyword that failed, e.g. 'maxItems'. */
  keyword: string;
  message: string;
}

export type PrismAnswer =
  | { kind: 'response'; status: number; headers: Record<string, string>; body: unknown; example?: string }
  | { kind: 'invalid'; violations: Violation[] }
  | { kind: 'unroutable'; detail: string };

/**
 * The request as Prism's mocker takes it, spelled here so that no declaration the package
 * publishes reaches Prism's own types (they need pino's, which a consumer doesn't have).
 */
export interface PrismRequest {
  method: HttpMethod;
  url: { path: string; query?: Record<string, string | string[]> };
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Prism {
  operations: IHttpOperation[];
  /**
   * Prism's answer to a request: routed among all operations, or to `operation` alone when the
   * provider already routed it there.
   */
  answer(request: PrismRequest, preference: Preference, operation?: IHttpOperation): Promise<PrismAnswer>;
}

export interface Preference {
  code?: number;
  example?: string;
}

/** Parses Prism's `Prefer: code=404, example=NAME` header. */
export function parsePrefer(header: string | undefined): Preference {
  const preference: Preference = {};
  for (const part of (header ?? '').split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (key === 'code' && value && /^\d{3}$/.test(value)) preference.code = Number(value);
    if (key === 'example' && value) preference.example = value;
  }
  return preference;
}

interface Diagnostic {
  path?: Array<string | number>;
  /** The same, as Prism spells it in the error it returns when no 400/422 is documented. */
  location?: Array<string | number>;
  code?: string | number;
  message: string;
}

const toViolation = (v: Diagnostic): Violation => ({
  path: (v.path ?? v.location ?? []).map(String),
  keyword: String(v.code),
  message: v.message,
});

const baseConfig: IHttpConfig = {
  mock: { dynamic: false },
  // Auth is checked before Prism, in each provider's own shape.
  checkSecurity: false,
  validateRequest: true,
  validateResponse: false,
  errors: false,
  upstreamProxy: undefined,
  isProxy: false,
};

// Prism invents `Retry-After: 0` from the 429/503 header schema, which has no example; nobody
// knows the real API sends one, so it comes only when asked for.
const sent = ([name]: string[]) => name !== 'retry-after';

/** The operations the build wrote beside the spec, or Prism's parse of the spec itself. */
async function operationsOf(specPath: string): Promise<IHttpOperation[]> {
  try {
    return JSON.parse(await readFile(specPath.replace(/\.yaml$/, '.operations.json'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { default: parser } = await import('@stoplight/prism-http/dist/utils/operations.js');
  return parser.getHttpOperationsFromSpec(specPath);
}

/** Past this many remembered answers (an Accept header is the client's to vary), start over. */
const REMEMBERED_LIMIT = 256;

export async function createPrism(specPath: string): Promise<Prism> {
  const [operations, prism] = await Promise.all([
    operationsOf(specPath),
    import('./prism-request-path.js').then(({ prismRequestPath }) => prismRequestPath(baseConfig)),
  ]);
  // Prism's mocker picks the same documented answer for the same operation, method, Accept
  // header and preference once a request passes validation (`dynamic: false`: no generated
  // values; operations with callbacks, which call out, are never remembered). Picking it again
  // for every request cost more than validating the request; every request is still routed and
  // validated by Prism. (Header values and Prefer's example names carry no line breaks.)
  const remembered = new Map<string, PrismAnswer>();
  const documented = (
    request: IHttpRequest,
    operation: IHttpOperation,
    mock: IHttpOperationConfig,
    preference: Preference,
  ) => {
    const key = `${operation.id}\n${request.method}\n${request.headers?.accept ?? ''}\n${mock.code ?? ''}\n${mock.exampleKey ?? ''}`;
    let picked = remembered.get(key);
    if (!picked) {
      const output = prism.mock(request, operation, mock);
      picked = output._tag === 'Left' ? failure(output.left) : response(output.right, preference);
      if (remembered.size >= REMEMBERED_LIMIT) remembered.clear();
      remembered.set(key, picked);
    }
    return picked;
  };

  async function answer(
    request: PrismRequest,
    preference: Preference,
    operation?: IHttpOperation,
  ): Promise<PrismAnswer> {
    const mock = {
      dynamic: false,
      ...(preference.code && { code: preference.code }),
      ...(preference.example && { exampleKey: preference.example }),
    };
    const httpRequest = request as IHttpRequest;
    // The operation the provider routed to: Prism routes among it alone (the same pick, without
    // scoring every operation's path). Without findings, the documented answer is remembered.
    if (operation && !operation.callbacks?.length && prism.passes(httpRequest, operation)) {
      return documented(httpRequest, operation, mock, preference);
    }
    const result = await prism.request(httpRequest, operation ? [operation] : operations, mock);
    if (result._tag === 'Left') return failure(result.left);
    const violations = result.right.validations.input.filter((v) => v.severity === 0);
    if (violations.length > 0) return { kind: 'invalid', violations: violations.map(toViolation) };
    return response(result.right.output, preference);
  }

  return { operations, answer };
}

/** Prism's error: its violations when no 400/422 is documented to pick, else why it could not answer. */
function failure(left: Error): PrismAnswer {
  // Without a documented 400/422 to pick, Prism reports violations as an error instead.
  const error = left as Error & { status?: number; detail?: string; additional?: { validation?: Diagnostic[] } };
  const validation = error.additional?.validation;
  if (validation?.length) return { kind: 'invalid', violations: validation.map(toViolation) };
  // Prism's own text points at its website (`https://stoplight.io/prism/errors#NOT_ACCEPTABLE: …`
  // when it tried a fallback); the user needs the words only.
  const detail = (error.detail || error.message).replace(/https:\/\/\S+?#([A-Z_]+):/g, '$1');
  return { kind: 'unroutable', detail };
}

/** The documented answer Prism picked, unless it is not the one `Prefer` asked for. */
function response({ statusCode, headers, body }: IHttpResponse, preference: Preference): PrismAnswer {
  // When the answer Prefer asked for has no content the request accepts, Prism falls back to
  // another (a Neutron 204 for `Accept: text/html` with `code=404`): not what was asked for.
  if (preference.code !== undefined && statusCode !== preference.code) {
    const detail = `Prefer asked for status ${preference.code}, whose documented answer this request does not accept (see its Accept header); Prism would have answered ${statusCode} instead.`;
    return { kind: 'unroutable', detail };
  }
  return {
    kind: 'response',
    status: statusCode,
    headers: Object.fromEntries(
      Object.entries(headers ?? {})
        .map(([k, v]) => [k.toLowerCase(), String(v)])
        .filter(sent),
    ),
    body,
    ...(preference.example && { example: preference.example }),
  };
}
