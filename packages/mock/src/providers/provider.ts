// What a provider brings to the mock: its stages of the request path, its error shapes, its
// request ids and its lifecycle rules for the stateful mode. server.ts and state/ only ever see
// this interface.
import type { Answer } from '../answer.js';
import type { Prism } from '../prism.js';
import type { Incoming, Routed, Validated } from '../request.js';
import type { RuleContext } from '../state/outcome.js';
import type { Resource } from '../state/resources.js';

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

/** The provider's part of the stateful mode. */
export interface Lifecycle {
  /** The rules' answer to a request, in the provider's shape; undefined: the spec's example answers it. */
  answer(request: Validated, ctx: RuleContext): Answer | undefined;
  /**
   * Whether an action waits a few event-loop turns before its rule runs, as the real API's
   * backend call takes time (see state/answerer.ts).
   */
  actsLater(operation: string): boolean;
  /** Resource type → the statuses a resource of it may have (seeds, pins). */
  statuses: Readonly<Record<string, readonly string[]>>;
  /** Resource type → status in passage → what it becomes when its transition ends (null: gone). */
  passages: Readonly<Record<string, Readonly<Record<string, string | null>>>>;
  /** A seeded resource: the fields it may have, and the provider's own checks of them. */
  seed: {
    fields: readonly string[];
    /** Pushes each problem (named from `at`) and returns the resource, its defaults filled in. */
    check(raw: Record<string, unknown>, at: string, problems: string[]): Resource;
    /** The resource type whose spec schemas a seeded entry's fields are held to. */
    typeOf(raw: Record<string, unknown>): unknown;
  };
  /** Resource type → the spec schema it is served as, and seed field → that schema's field. */
  wire: Readonly<Record<string, { schema: string; fields: Readonly<Record<string, string>> }>>;
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
  lifecycle: Lifecycle;
}
