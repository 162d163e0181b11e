// The index page: the hand-written intro (intro.html) and, per spec, a table of every operation,
// each documented status and the codes it carries, each linking into the Redoc page.
import { readFile } from 'node:fs/promises';
import { catalog } from './catalog.mjs';

const escapeHtml = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
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

export async function renderIndex(loaded) {
  const intro = await readFile(new URL('./intro.html', import.meta.url), 'utf8');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>cloud-release API reference</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; }
code { font-size: 0.9em; background: #f2f2f5; padding: 0 0.2em; border-radius: 3px; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; } th, td { border: 1px solid #ddd; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
</style></head><body>
<h1>cloud-release API reference</h1>
<p>Built from <code>spec/*.yaml</code> by <code>npx pnpm@10.34.9 reference</code>. The full references:
${loaded.map(({ name, spec }) => `<a href="${name}.html">${escapeHtml(spec.info.title)}</a>`).join(' · ')}.</p>
${loaded.map(({ name, spec }) => table(name, spec)).join('\n')}
${intro}
</body></html>
`;
}
