// Prism does the mocking: it routes, validates against the spec and picks the documented
// example. We call its core in-process (not its HTTP server) so that the wire behaviour
// around it — body parsing, auth, the provider's error shapes — is ours to get right.
import prismCore from '@stoplight/prism-core';
import type { IHttpConfig, IHttpRequest } from '@stoplight/prism-http';
import prismHttp from '@stoplight/prism-http';
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
  answer(request: PrismRequest, preference: Preference): Promise<PrismAnswer>;
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

export async function createPrism(specPath: string): Promise<Prism> {
  const operations = await prismHttp.getHttpOperationsFromSpec(specPath);
  const logger = prismCore.createLogger('cloud-release-mock', { enabled: false });
  const prism = prismHttp.createInstance(baseConfig, { logger });

  async function answer(request: PrismRequest, preference: Preference): Promise<PrismAnswer> {
    const mock = {
      dynamic: false,
      ...(preference.code && { code: preference.code }),
      ...(preference.example && { exampleKey: preference.example }),
    };
    const result = await prism.request(request as IHttpRequest, operations, { ...baseConfig, mock })();
    if (result._tag === 'Left') {
      // Without a documented 400/422 to pick, Prism reports violations as an error instead.
      const error = result.left as Error & {
        status?: number;
        detail?: string;
        additional?: { validation?: Diagnostic[] };
      };
      const validation = error.additional?.validation;
      if (validation?.length) return { kind: 'invalid', violations: validation.map(toViolation) };
      // Prism's own text points at its website (`https://stoplight.io/prism/errors#NOT_ACCEPTABLE: …`
      // when it tried a fallback); the user needs the words only.
      const detail = (error.detail || error.message).replace(/https:\/\/\S+?#([A-Z_]+):/g, '$1');
      return { kind: 'unroutable', detail };
    }
    const violations = result.right.validations.input.filter((v) => v.severity === 0);
    if (violations.length > 0) return { kind: 'invalid', violations: violations.map(toViolation) };
    const { statusCode, headers, body } = result.right.output;
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

  return { operations, answer };
}
