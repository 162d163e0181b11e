// Prism's request path alone: its router, validator and mocker, wired as its `createInstance`
// wires them, but without its logger (pino) and without upstream forwarding (node-fetch, proxy
// agents), which the mock never uses. Importing `@stoplight/prism-http` itself would load its
// spec parser and everything else it exports too.
import type { IPrism, IPrismComponents } from '@stoplight/prism-core';
import prismFactory from '@stoplight/prism-core/dist/factory.js';
import type { IHttpConfig, IHttpOperationConfig, IHttpRequest, IHttpResponse } from '@stoplight/prism-http';
import mocker from '@stoplight/prism-http/dist/mocker/index.js';
import router from '@stoplight/prism-http/dist/router/index.js';
import validator from '@stoplight/prism-http/dist/validator/index.js';
import type { IHttpOperation } from '@stoplight/types';
import { cachedPasses } from './prism-passes.js';

type HttpComponents = IPrismComponents<IHttpOperation, IHttpRequest, IHttpResponse, IHttpConfig>;

/** Prism logs nothing anyone sees: the mock logs its own line per request. */
const silent = {
  child: () => silent,
  trace() {},
  debug() {},
  info() {},
  success() {},
  warn() {},
  error() {},
  fatal() {},
};

/** The mock answers from the spec; it never forwards a request upstream (`isProxy: false`). */
const noForwarding: HttpComponents['forward'] = () => () => async () => {
  throw new Error('The mock forwards no request upstream.');
};

/**
 * A function a CommonJS module exports as `exports.default`. Node's `import` gives the module's
 * `module.exports` (the function is its `default`); vitest's, under which the unit tests load
 * src/, gives the function itself.
 */
const defaultExport = <T>(imported: { default: T }): T =>
  typeof imported === 'function' ? (imported as T) : imported.default;

const components: HttpComponents = {
  logger: silent as unknown as HttpComponents['logger'],
  route: defaultExport(router),
  validateInput: validator.validateInput,
  validateOutput: validator.validateOutput,
  // As createInstance passes it (its declared type is narrower); unused: `checkSecurity: false`.
  validateSecurity: validator.validateSecurity as unknown as HttpComponents['validateSecurity'],
  // Declared for the mocker's own config type, a part of IHttpConfig's.
  mock: defaultExport(mocker) as unknown as HttpComponents['mock'],
  forward: noForwarding,
};

/** fp-ts's Either, as Prism returns it (fp-ts is Prism's dependency, not the mock's). */
type Either<L, R> = { _tag: 'Left'; left: L } | { _tag: 'Right'; right: R };

/** What the mock asks of Prism. */
export interface PrismRequestPath {
  /** Prism's whole request path: route among `operations`, validate, pick the documented answer. */
  request(
    request: IHttpRequest,
    operations: IHttpOperation[],
    mock: IHttpOperationConfig,
  ): ReturnType<ReturnType<IPrism<IHttpOperation, IHttpRequest, IHttpResponse, IHttpConfig>['request']>>;
  /** Whether Prism's router takes the request to `operation` and its validator finds nothing at all. */
  passes(request: IHttpRequest, operation: IHttpOperation): boolean;
  /** Prism's mocker alone, for a request that `passes`: the documented answer it picks. */
  mock(request: IHttpRequest, operation: IHttpOperation, mock: IHttpOperationConfig): Either<Error, IHttpResponse>;
}

export function prismRequestPath(config: IHttpConfig): PrismRequestPath {
  const prism = prismFactory.factory(config, components);
  return {
    request: (request, operations, mock) => prism.request(request, operations, { ...config, mock })(),
    passes: cachedPasses(components.route, components.validateInput),
    mock: (request, operation, mock) =>
      components.mock({ resource: operation, input: { data: request, validations: [] }, config: mock })(
        components.logger,
      ),
  };
}
