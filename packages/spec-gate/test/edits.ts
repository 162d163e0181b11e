// Known edits to a copy of the released specs; each test applies one and reads the gate's verdict.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { describeFinding } from '../src/findings.js';
import { compareSpecs } from '../src/gate.js';

// biome-ignore lint/suspicious/noExplicitAny: an edit reaches into arbitrary corners of a spec
export type Spec = any;

export const releasedText = (name: 'zenlayer.yaml' | 'neutron.yaml'): string =>
  readFileSync(fileURLToPath(new URL(`../../../spec/released/${name}`, import.meta.url)), 'utf8');

export const edited = (name: 'zenlayer.yaml' | 'neutron.yaml', edit: (spec: Spec) => void): string => {
  const spec = parse(releasedText(name));
  edit(spec);
  return stringify(spec);
};

/** The gate's findings for one edit, as the lines it prints: `BREAKING where: change [rule]`. */
export async function verdictOf(name: 'zenlayer.yaml' | 'neutron.yaml', edit: (spec: Spec) => void) {
  const findings = await compareSpecs(releasedText(name), edited(name, edit));
  const lines = (verdict: string) => findings.filter((f) => f.verdict === verdict).map(describeFinding);
  return { breaking: lines('breaking'), additive: lines('additive') };
}

/** Adds a string header parameter to an operation's path (an edit both verdict tables make). */
export function addHeader(s: Spec, path: string, name: string, required: boolean): void {
  s.paths[path].post.parameters.push({ name, in: 'header', required, schema: { type: 'string' } });
}
