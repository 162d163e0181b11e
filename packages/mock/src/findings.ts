// Marks each refusal of the request path with the stage that made it (route, credentials,
// validation), so the journal can say of every request whether it was valid and, if not, why,
// without the path itself or each provider's stages having to know about the journal. A
// provider's validation may have set a finding of its own (the spec's keyword and field): kept.
import type { Answer, Finding } from './answer.js';
import type { Stages } from './providers/provider.js';

const marked = (answer: Answer, stage: Finding['stage']): Answer => ({
  ...answer,
  finding: answer.finding ?? { stage },
});

export function withFindings(stages: Stages): Stages {
  return {
    ...stages,
    route(request) {
      const routed = stages.route(request);
      return 'status' in routed ? marked(routed, 'route') : routed;
    },
    authenticate(request) {
      const denied = stages.authenticate(request);
      return denied && marked(denied, 'credentials');
    },
    async validate(request) {
      const validated = await stages.validate(request);
      return 'status' in validated ? marked(validated, 'validation') : validated;
    },
  };
}
