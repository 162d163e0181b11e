// The provider's part of the request path, for every provider and every mode (engine/handle.ts
// runs it): route → authenticate → validate (Prism) → answer → finish (provider dressing).
// Providers supply the stages; the answer step is an injectable Answerer, so a mode that
// answers from state instead of from the spec's examples plugs in without new branches.
import type { Answer } from './answer.js';
import type { Provider, Stages } from './providers/provider.js';
import type { Incoming, Validated } from './request.js';

/** The answer step. `provider` lets an answerer build provider-shaped errors and ids. */
export type Answerer = (request: Validated, provider: Provider) => Promise<Answer>;

/** Examples mode: answer what the spec documents (or what `Prefer` asked for). */
export const exampleAnswerer: Answerer = async ({ operation, example }) => ({
  status: example.status,
  headers: example.headers,
  body: example.body,
  note: example.name ?? '',
  operation,
});

export const isAnswer = (value: object): value is Answer => 'status' in value;

/** Runs the stages for one request; every answer, errors included, gets the provider's dressing. */
export async function runPipeline(
  incoming: Incoming,
  provider: Provider,
  stages: Stages,
  answerer: Answerer,
): Promise<Answer> {
  const dress = (answer: Answer) => (answer.final ? answer : stages.finish(answer));
  const routed = stages.route(incoming);
  if (isAnswer(routed)) return dress(routed);
  const denied = stages.authenticate(routed);
  if (denied) return dress(denied);
  const validated = await stages.validate(routed);
  if (isAnswer(validated)) return dress(validated);
  return dress(await answerer(validated, provider));
}
