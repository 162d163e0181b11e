// The index page: the hand-written intro (intro.html) and, per spec, a table of every operation,
// each documented status and the codes it carries, each linking into the Redoc page; and a link
// to the teardown workflows page.
import { readFile } from 'node:fs/promises';
import { catalog } from './catalog.mjs';
import { escapeHtml, pageStyle } from './html.mjs';

const codeList = (codes) => codes.map((code) => `<code>${escapeHtml(code)}</code>`).join(' ');

const table = (name, spec) => {
  const rows = catalog(spec).flatMap((op) =>
    op.responses.map(
      (response, index) =>
        `<tr>${
          index === 0
            ? `<td rowspan="${op.responses.length}"><a href="${name}.html#operation/${encodeURIComponent(op.operationId)}">${escapeHtml(op.operationId)}</a><br><small>${escapeHtml(op.method.toUpperCase())} ${escapeHtml(op.path)}</small></td>`
            : ''
        }<td>${escapeHtml(response.status)}</td><td>${codeList(response.codes)}</td><td>${escapeHtml(response.description.split('\n')[0])}</td></tr>`,
    ),
  );
  return `<section id="${name}"><h2><a href="${name}.html">${escapeHtml(spec.info.title)}</a> <small>${escapeHtml(spec.info.version)}</small></h2>
<table><thead><tr><th>operation</th><th>status</th><th>codes</th><th>meaning</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`;
};

/** `workflows`: the parsed Arazzo document of the teardown flows, linked when given. */
export async function renderIndex(loaded, workflows) {
  const intro = await readFile(new URL('./intro.html', import.meta.url), 'utf8');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cloud-release API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${pageStyle}</style></head><body>
<h1>cloud-release API reference</h1>
<p>Built from <code>spec/*.yaml</code> by <code>npx pnpm@10.34.9 reference</code>. The full references:
${loaded.map(({ name, spec }) => `<a href="${name}.html">${escapeHtml(spec.info.title)}</a>`).join(' · ')}.</p>
${workflows ? `<p>The teardown flows, step by step: <a href="workflows.html">${escapeHtml(workflows.info.title)}</a> (Arazzo workflows).</p>` : ''}
${loaded.map(({ name, spec }) => table(name, spec)).join('\n')}
${intro}
</body></html>
`;
}
