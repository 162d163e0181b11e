// Compares one released spec with the working one: every change, each judged breaking or additive.
import { parse } from 'yaml';
import { Findings } from './findings.js';
import { applyOperationRules } from './operation-rules.js';
import type { Node } from './resolve.js';
import { applyToolRules } from './tool-rules.js';

export async function compareSpecs(released: string, working: string) {
  const specs = { before: parse(released) as Node, after: parse(working) as Node };
  const findings = new Findings();
  applyOperationRules(specs.before, specs.after, findings); // first, so the tool's findings can defer to named ones
  await applyToolRules({ before: released, after: working }, specs, findings);
  return findings.list;
}
