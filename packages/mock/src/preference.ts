// `Prefer: code=…, example=…` checked against what the operation documents, before Prism is
// asked: Prism falls back to another answer (a Neutron 204) or explains itself with links
// to its own website, where the user needs the list of documented choices.
import type { IHttpOperation } from '@stoplight/types';
import type { Answer } from './answer.js';
import { mockError } from './mock-error.js';
import type { Preference } from './prism.js';

// Called only with a status the operation documents. Prism lists contents and examples as
// arrays, empty where the spec has none (a 204).
const examplesOf = (operation: IHttpOperation, code: string) => {
  const contents = operation.responses.find((r) => r.code === code)!.contents ?? [];
  return contents.flatMap((c) => c.examples ?? []).map((e) => e.key);
};

const list = (items: string[]) => (items.length ? items.join(', ') : 'none (the answer has no body)');

/** The preference to hand to Prism (an example alone gets its status), or the mock's 418. */
export function checkPreference(
  operation: IHttpOperation,
  preference: Preference,
): { preference: Preference } | { answer: Answer } {
  const name = operation.iid ?? operation.path;
  const statuses = operation.responses.map((r) => r.code);
  if (preference.code !== undefined && !statuses.includes(String(preference.code))) {
    return {
      answer: mockError(
        'undocumented-status',
        `${name} documents no status ${preference.code}`,
        `Prefer asked for status ${preference.code}; ${name} documents: ${statuses.join(', ')}.`,
        name,
      ),
    };
  }
  const { example } = preference;
  if (example === undefined) return { preference };
  if (preference.code !== undefined) {
    const examples = examplesOf(operation, String(preference.code));
    if (examples.includes(example)) return { preference };
    return {
      answer: mockError(
        'undocumented-example',
        `${name} documents no example ${example} for status ${preference.code}`,
        `Prefer asked for example ${example}; the examples ${name} documents for ${preference.code} are: ${list(examples)}.`,
        name,
      ),
    };
  }
  // An example alone: find the status that documents it.
  const status = statuses.find((code) => examplesOf(operation, code).includes(example));
  if (status !== undefined) return { preference: { code: Number(status), example } };
  const all = statuses.map((code) => `${code}: ${list(examplesOf(operation, code))}`).join('; ');
  return {
    answer: mockError(
      'undocumented-example',
      `${name} documents no example ${example}`,
      `Prefer asked for example ${example}; the examples ${name} documents are — ${all}.`,
      name,
    ),
  };
}
