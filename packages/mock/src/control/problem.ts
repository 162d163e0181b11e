// The control plane's own errors: problem+json with the kind in X-Cloud-Release-Mock-Error
// (never a provider's shape: these are about the mock, not the API it imitates).
import type { Answer } from '../answer.js';

export function problem(
  status: number,
  kind: string,
  title: string,
  detail: string,
  headers: Record<string, string> = {},
): Answer {
  return {
    status,
    headers: { 'content-type': 'application/problem+json', 'x-cloud-release-mock-error': kind, ...headers },
    body: { type: `https://cloud-release.dev/mock-errors/${kind}`, title, detail },
    note: `control ${kind}`,
  };
}
