// What a provider brings to the mock: its stages of the request path, its error shapes and
// its request ids. server.ts only ever sees this interface.
import type { Answer } from '../answer.js';
import type { Prism } from '../prism.js';
import type { Incoming, Routed, Validated } from '../request.js';

/** Options a provider may read; each ignores the ones that are not about it. */
export interface ProviderOptions {
  /** Zenlayer: accessKeyId → accessKeyPassword. When given, signatures are verified. */
  credentials?: Readonly<Record<string, string>>;
  /** Zenlayer: the bearer tokens accepted. With `credentials` and without this, none is. */
  bearerTokens?: readonly string[];
  /** Zenlayer: the mock's clock for the 5-minute timestamp window. */
  now?: () => Date;
}

export interface Stages {
  /** Which operation the request is for; a provider-shaped answer when none. */
  route(request: Incoming): Routed | Answer;
  /** A provider-shaped refusal, or undefined when the caller is let in. */
  authenticate(request: Routed): Answer | undefined;
  /** The body checks and Prism's validation; the spec's example when all is well. */
  validate(request: Routed): Promise<Validated | Answer>;
  /** The provider's dressing of every answer: note for the log, request-id, content type. */
  finish(answer: Answer): Answer;
}

export interface Provider {
  /** A fresh request id in the provider's format. */
  newRequestId(): string;
  /** The provider's 500, for a failure of the mock itself. */
  internalError(message: string): Answer;
  /** A provider-shaped error: Zenlayer's code, Neutron's exception type. */
  error(status: number, code: string, message: string, operation?: string): Answer;
  /** The request stages of one running mock. */
  stages(prism: Prism, options: ProviderOptions): Stages;
}
