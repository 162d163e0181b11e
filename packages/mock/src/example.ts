// Asking Prism for the documented answer to a request, with the `Prefer` header checked first.
// Shared by every provider; what differs is how each words the violations.
import type { Answer } from './answer.js';
import { mockError } from './mock-error.js';
import { checkPreference } from './preference.js';
import { type Prism, type PrismRequest, parsePrefer, type Violation } from './prism.js';
import type { Example } from './request.js';

export type Documented =
  | { kind: 'example'; example: Example }
  | { kind: 'invalid'; violations: Violation[] }
  | { kind: 'mock-error'; answer: Answer };

export async function documentedAnswer(prism: Prism, operation: string, request: PrismRequest): Promise<Documented> {
  // The providers route only to the spec's operations.
  const spec = prism.operations.find((op) => op.iid === operation)!;
  const checked = checkPreference(spec, parsePrefer(request.headers?.prefer));
  if ('answer' in checked) return { kind: 'mock-error', answer: checked.answer };
  const answer = await prism.answer(request, checked.preference, spec);
  switch (answer.kind) {
    case 'response': {
      const { status, headers, body, example: name } = answer;
      return { kind: 'example', example: { status, headers, body, ...(name && { name }) } };
    }
    case 'invalid':
      return answer;
    case 'unroutable': {
      const detail = `The mock could not pick a documented answer: ${answer.detail}`;
      return { kind: 'mock-error', answer: mockError('unanswerable', 'No documented answer', detail, operation) };
    }
  }
}
