// The teardown workflows page: spec/teardown.arazzo.yaml made readable. Per workflow its
// inputs, and per step the operation it calls (linked into that spec's Redoc page), what it
// sends, what counts as success, and where it goes next (goto, end, retry); then its outputs.
import { catalog } from './catalog.mjs';
import { escapeHtml, pageStyle, prose } from './html.mjs';

// Long conditions (a regex of owners, JSON pointers) wrap inside their cell instead of widening the table.
const stepsStyle = `
table.steps { table-layout: fixed; font-size: 13px; }
table.steps code, table.inputs code { overflow-wrap: anywhere; }
table.steps th:nth-child(1) { width: 1.5rem; } table.steps th:nth-child(2) { width: 10rem; }
table.steps th:nth-child(3) { width: 10rem; }
`;
const code = (text) => `<code>${escapeHtml(text)}</code>`;

/** `$sourceDescriptions.zenlayer.DescribeInstances` → { source: 'zenlayer', operationId: 'DescribeInstances' } */
const operationOf = (step) => {
  const [source, operationId] = String(step.operationId)
    .replace(/^\$sourceDescriptions\./, '')
    .split('.');
  return { source, operationId };
};

/** A criterion as a reader says it: the condition, or what a context must match. */
const criterion = (c) => {
  const type = typeof c.type === 'object' ? c.type?.type : c.type;
  if (type === 'regex') return `${code(c.context)} matches ${code(`/${c.condition}/`)}`;
  if (type === 'jsonpath') return `${code(c.context)} has a match for the JSONPath ${code(c.condition)}`;
  return code(c.condition);
};
const criteria = (list) => (list ?? []).map(criterion).join('<br>and ');

const parameters = (components, list) =>
  (list ?? [])
    .map((p) => (p.reference ? components?.parameters?.[p.reference.split('.').pop()] : p))
    .filter(Boolean)
    .map((p) => `${escapeHtml(p.in)} ${code(`${p.name}: ${p.value}`)}`);

const body = (request) => (request?.payload === undefined ? [] : [`body ${code(JSON.stringify(request.payload))}`]);

/** An action, or the reusable one it references (`$components.failureActions.<name>`). */
const action = (components, a) => {
  if (!a.reference) return a;
  const [, kind, name] = a.reference.split('.');
  return components?.[kind]?.[name] ?? a;
};

/** onSuccess / onFailure actions, in order: the first whose criteria hold is taken. */
const actions = (components, step) => {
  const said = [];
  const onFailure = (step.onFailure ?? []).map((a) => action(components, a));
  for (const a of (step.onSuccess ?? []).map((a) => action(components, a))) {
    const to = a.type === 'goto' ? `go to ${code(a.stepId ?? a.workflowId)}` : 'end the workflow (done)';
    said.push(`when ${criteria(a.criteria)}: ${to}`);
  }
  for (const a of onFailure) {
    if (a.type === 'retry')
      said.push(
        `on failure, while ${criteria(a.criteria)}: poll again every ${escapeHtml(a.retryAfter)} s, at most ${escapeHtml(a.retryLimit)} times`,
      );
    else said.push(`on failure, when ${criteria(a.criteria)}: ${escapeHtml(a.type)} ${code(a.stepId ?? '')}`);
  }
  if (!onFailure.some((a) => a.type === 'retry')) said.push('on failure: the workflow fails');
  else said.push('otherwise, on failure: the workflow fails');
  return said.join('<br>');
};

const outputs = (map) =>
  Object.entries(map ?? {})
    .map(([name, expression]) => `${code(name)} = ${code(expression)}`)
    .join('<br>');

const inputsTable = (inputs) => {
  const required = new Set(inputs?.required ?? []);
  const rows = Object.entries(inputs?.properties ?? {}).map(
    ([name, schema]) =>
      `<tr><td>${code(name)}</td><td>${escapeHtml(schema.format ?? schema.type)}${required.has(name) ? ', required' : ''}</td><td>${escapeHtml(schema.description ?? '')}</td></tr>`,
  );
  return `<table class="inputs"><thead><tr><th>input</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
};

const stepsTable = (doc, specs, workflow) => {
  const rows = workflow.steps.map((step, index) => {
    const { source, operationId } = operationOf(step);
    const operation = specs[source] ? catalog(specs[source]).find((op) => op.operationId === operationId) : undefined;
    const where = operation
      ? `<br><small>${escapeHtml(operation.method.toUpperCase())} ${escapeHtml(operation.path)}</small>`
      : '';
    const sent = [...parameters(doc.components, step.parameters), ...body(step.requestBody)].join('<br>');
    return `<tr data-step="${escapeHtml(step.stepId)}"><td>${index + 1}</td><td>${code(step.stepId)}<br><small>${escapeHtml(step.description ?? '')}</small></td>
<td><a href="${escapeHtml(source)}.html#operation/${encodeURIComponent(operationId)}">${escapeHtml(operationId)}</a>${where}</td>
<td>${sent}</td><td>${criteria(step.successCriteria)}</td><td>${actions(doc.components, step)}</td><td>${outputs(step.outputs)}</td></tr>`;
  });
  return `<table class="steps"><thead><tr><th>#</th><th>step</th><th>operation</th><th>sends</th><th>success when</th><th>then</th><th>outputs</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
};

/** `doc`: the parsed Arazzo document; `specs`: { [source name]: parsed OpenAPI }. */
export function renderWorkflows(doc, specs) {
  const sections = doc.workflows.map(
    (workflow) => `<section id="${escapeHtml(workflow.workflowId)}">
<h2>${escapeHtml(workflow.summary ?? workflow.workflowId)}</h2>
<p>Workflow ${code(workflow.workflowId)}</p>
${prose(workflow.description)}
<h3>Inputs</h3>
${inputsTable(workflow.inputs)}
<h3>Steps</h3>
${stepsTable(doc, specs, workflow)}
<h3>Outputs</h3>
<p>${outputs(workflow.outputs) || 'none'}</p>
</section>`,
  );
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${pageStyle}${stepsStyle}</style></head><body>
<h1>${escapeHtml(doc.info.title)} <small>${escapeHtml(doc.info.version)}</small></h1>
<p>Built from <code>spec/teardown.arazzo.yaml</code> (Arazzo ${escapeHtml(doc.arazzo)}); run one with
<code>redocly respect spec/teardown.arazzo.yaml --workflow &lt;id&gt; --server &lt;source&gt;=&lt;url&gt; --input …</code>.
Back to the <a href="index.html">API reference</a>.</p>
<nav><ul>${doc.workflows.map((w) => `<li><a href="#${escapeHtml(w.workflowId)}">${escapeHtml(w.summary ?? w.workflowId)}</a></li>`).join('')}</ul></nav>
${prose(doc.info.description)}
${sections.join('\n')}
</body></html>
`;
}
