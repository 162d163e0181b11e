// The mock's own failures — a request it cannot serve as asked — in a shape no provider
// answers: status 418, a marker header and problem+json. An SDK can't mistake one of these
// for an API error, and a person reading it is told the valid choices.
import type { Answer } from './answer.js';

export type MockErrorKind = 'undocumented-status' | 'undocumented-example' | 'unanswerable';

export const MOCK_ERROR_HEADER = 'x-cloud-release-mock-error';

export function mockError(kind: MockErrorKind, title: string, detail: string, operation?: string): Answer {
  return {
    status: 418,
    headers: { [MOCK_ERROR_HEADER]: kind, 'content-type': 'application/problem+json' },
    body: { type: `urn:cloud-release:mock-error:${kind}`, title, detail },
    note: `mock-error ${kind}`,
    ...(operation && { operation }),
    final: true,
  };
}
