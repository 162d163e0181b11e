// openapi-diff (Atlassian) is the first judge: it finds removed paths, operations, statuses and
// required response headers, and compares request and response bodies semantically through
// json-schema-diff. Its findings are translated into named ones here. Two of its verdicts are
// refined (README, "Why openapi-diff"): a wider response is breaking to it, even for a new
// optional field; we call that additive when our rules found only additions there, and keep
// its verdict otherwise. A narrower request body is named by our rules where they can.
import { createRequire } from 'node:module';
import type OpenApiDiff from 'openapi-diff';
import type { Findings } from './findings.js';
import { listOperations, operationLabel } from './operations.js';
import { asNode, deref, type Node } from './resolve.js';

const { diffSpecs } = createRequire(import.meta.url)('openapi-diff') as typeof OpenApiDiff;
type Difference = OpenApiDiff.DiffResult<OpenApiDiff.DiffResultType>;

interface Place {
  path: string;
  method?: string;
  status?: string;
}

// Locations read `paths./v2.0/ports/{port_id}.delete.responses.412`: paths hold dots, so the
// path is found among the spec's own paths rather than by splitting.
const place = (spec: Node, location: string): Place | undefined => {
  const path = Object.keys(asNode(spec.paths))
    .filter((candidate) => location === `paths.${candidate}` || location.startsWith(`paths.${candidate}.`))
    .sort((a, b) => b.length - a.length)[0];
  if (path === undefined) return undefined;
  const [method, section, status] = location.slice(`paths.${path}.`.length).split('.');
  return { path, ...(method ? { method } : {}), ...(section === 'responses' && status ? { status } : {}) };
};

const labels = (spec: Node, at: Place): string[] =>
  at.method !== undefined
    ? [operationLabel(deref(spec, asNode(deref(spec, asNode(spec.paths)[at.path]))[at.method]), at.method, at.path)]
    : [...listOperations(spec).values()].filter((op) => op.key.endsWith(` ${at.path}`)).map((op) => op.label);

const named = (findings: Findings, verdict: 'breaking' | 'additive', prefix: string): boolean =>
  findings.list.some((finding) => finding.verdict === verdict && finding.where.startsWith(prefix));

const translate = (findings: Findings, before: Node, after: Node, difference: Difference): void => {
  const removal = difference.action === 'remove' && difference.code !== 'response.body.scope.remove';
  const spec = removal || difference.code === 'request.body.scope.remove' ? before : after;
  const details = removal ? difference.sourceSpecEntityDetails : difference.destinationSpecEntityDetails;
  const location = details[0]?.location ?? difference.sourceSpecEntityDetails[0]?.location ?? '';
  const at = place(spec, location);
  const source = `openapi-diff:${difference.code}`;
  const where = at ? labels(spec, at) : [location];
  for (const label of where) {
    if (difference.code === 'path.remove' || difference.code === 'method.remove')
      findings.breaking(label, 'operation removed', source);
    else if (difference.code === 'path.add' || difference.code === 'method.add')
      findings.additive(label, 'operation added', source);
    else if (difference.code === 'response.status-code.remove')
      findings.breaking(label, `response ${at?.status} removed`, source);
    else if (difference.code === 'response.status-code.add')
      findings.additive(label, `response ${at?.status} added`, source);
    else if (difference.code === 'response.required.header.remove')
      findings.breaking(`${label} response ${at?.status}`, 'a required response header removed', source);
    else if (difference.code === 'request.body.scope.remove' && !named(findings, 'breaking', `${label} request body`))
      findings.breaking(`${label} request body`, 'accepts fewer bodies than before', source);
    else if (difference.code === 'response.body.scope.add') {
      const site = `${label} response ${at?.status}`;
      if (named(findings, 'breaking', site)) continue;
      if (named(findings, 'additive', site)) findings.additive(site, 'admits more bodies (additions only)', source);
      else findings.breaking(site, 'admits bodies it did not before', source);
    }
  }
};

/** Runs openapi-diff on the two texts and adds its findings, after the hand-written rules ran. */
export async function applyToolRules(
  texts: { before: string; after: string },
  specs: { before: Node; after: Node },
  findings: Findings,
) {
  const outcome = await diffSpecs({
    sourceSpec: { content: texts.before, location: 'released', format: 'openapi3' },
    destinationSpec: { content: texts.after, location: 'working', format: 'openapi3' },
  });
  const breaking = outcome.breakingDifferencesFound ? outcome.breakingDifferences : [];
  for (const difference of [...breaking, ...outcome.nonBreakingDifferences])
    translate(findings, specs.before, specs.after, difference);
}
