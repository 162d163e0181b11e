// Hand-written rules per operation. openapi-diff compares no parameters at all (a new required
// header, a renamed header, a narrowed header enum all pass it), so parameters are ours; request
// bodies and responses go through the schema rules, which name the field that changed.
import type { Findings } from './findings.js';
import { listOperations, type Operation, parameterKey } from './operations.js';
import { asNode, deref, type Node } from './resolve.js';
import { compareSchemas } from './schema-rules.js';

interface Specs {
  before: Node;
  after: Node;
  findings: Findings;
}

const parameterRules = (specs: Specs, was: Operation, now: Operation): void => {
  const before = new Map(was.parameters.map((p) => [parameterKey(p), p]));
  const after = new Map(now.parameters.map((p) => [parameterKey(p), p]));
  const added = [...after.entries()].filter(([key]) => !before.has(key));
  for (const [key, parameter] of before) {
    const counterpart = after.get(key);
    const name = `${String(parameter.in)} parameter ${String(parameter.name)}`;
    if (counterpart === undefined) {
      const renamed = added.filter(([, p]) => p.in === parameter.in).map(([, p]) => String(p.name));
      const hint = renamed.length > 0 ? ` (renamed to ${renamed.join(' or ')}?)` : '';
      specs.findings.breaking(now.label, `${name} removed${hint}`, 'rule:parameter');
      continue;
    }
    if (counterpart.required === true && parameter.required !== true)
      specs.findings.breaking(now.label, `${name} is now required`, 'rule:parameter');
    const site = { ...specs, where: `${now.label} ${name}`, subject: 'the value' };
    compareSchemas(site, 'request', parameter.schema, counterpart.schema, '');
  }
  for (const [, parameter] of added) {
    const name = `${String(parameter.in)} parameter ${String(parameter.name)}`;
    if (parameter.required === true) specs.findings.breaking(now.label, `new required ${name}`, 'rule:parameter');
    else specs.findings.additive(now.label, `new optional ${name}`, 'rule:parameter');
  }
};

const mediaSchemas = (root: Node, holder: unknown): Map<string, unknown> =>
  new Map(Object.entries(asNode(deref(root, holder).content)).map(([type, media]) => [type, asNode(media).schema]));

const requestBodyRules = (specs: Specs, was: Operation, now: Operation): void => {
  const before = deref(specs.before, was.node.requestBody);
  const after = deref(specs.after, now.node.requestBody);
  const where = `${now.label} request body`;
  if (after.required === true && before.required !== true)
    specs.findings.breaking(where, 'the request body is now required', 'rule:body');
  const afterSchemas = mediaSchemas(specs.after, after);
  for (const [type, schema] of mediaSchemas(specs.before, before)) {
    if (!afterSchemas.has(type)) specs.findings.breaking(where, `${type} no longer accepted`, 'rule:body');
    else compareSchemas({ ...specs, where }, 'request', schema, afterSchemas.get(type), '');
  }
};

const responseRules = (specs: Specs, was: Operation, now: Operation): void => {
  const after = asNode(now.node.responses);
  for (const [status, response] of Object.entries(asNode(was.node.responses))) {
    if (after[status] === undefined) continue; // a removed status: openapi-diff reports it
    const where = `${now.label} response ${status}`;
    const afterSchemas = mediaSchemas(specs.after, after[status]);
    for (const [type, schema] of mediaSchemas(specs.before, response)) {
      if (!afterSchemas.has(type)) specs.findings.breaking(where, `${type} body removed`, 'rule:response');
      else compareSchemas({ ...specs, where }, 'response', schema, afterSchemas.get(type), '');
    }
  }
};

/** Applies every hand-written rule to each operation present in both specs. */
export function applyOperationRules(before: Node, after: Node, findings: Findings): void {
  const specs = { before, after, findings };
  const now = listOperations(after);
  for (const [key, was] of listOperations(before)) {
    const counterpart = now.get(key);
    if (counterpart === undefined) continue; // a removed operation: openapi-diff reports it
    parameterRules(specs, was, counterpart);
    requestBodyRules(specs, was, counterpart);
    responseRules(specs, was, counterpart);
  }
}
