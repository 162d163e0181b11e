// `pnpm reference`: one static, self-contained Redoc page per spec (Redoc's scripts inlined, so the
// page needs no network), and an index page with what the specs keep in prose: the signing
// scheme, the recycle-bin lifecycle, the decisions, and a table of every operation and code; and
// a page of the teardown workflows (spec/teardown.arazzo.yaml).
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { renderIndex } from './index-page.mjs';
import { renderWorkflows } from './workflows-page.mjs';

export const specs = ['zenlayer', 'neutron'];
const out = fileURLToPath(new URL('../dist/', import.meta.url));
const specDir = fileURLToPath(new URL('../../../spec/', import.meta.url));
const redocly = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));

// Every response and schema open, so each documented status and code is on the page as text.
const redocOptions = [
  '--openapi.expandResponses=all',
  '--openapi.schemasExpansionLevel=all',
  '--openapi.jsonSamplesExpandLevel=all',
  '--openapi.showExtensions=true',
  '--openapi.maxDisplayedEnumValues=1000', // default 10: ReleaseDisk's 400 has 11 codes
];

// Redoc draws its attribution logo from a CDN even with --inlineBundle: offline (CI, an air-gapped
// reader) that is a failed request and a console error. The link stays; the image becomes inline.
const logo = (width) =>
  `data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='${width}' height='14'%3E%3Ctext x='0' y='11' font-family='sans-serif' font-size='11' fill='%230044D4'%3ERedocly%3C/text%3E%3C/svg%3E`;
const localLogo = (html) => {
  const remote = ['https://cdn.redoc.ly/redoc/logo-mini-full.svg', 'https://cdn.redoc.ly/redoc/logo-mini.svg'];
  if (!remote.every((url) => html.includes(url)))
    throw new Error(`Redoc's logo URLs changed; update ${import.meta.url}`);
  return withIcon(html.replaceAll(remote[0], logo(48)).replaceAll(remote[1], logo(48)));
};
// Without a declared icon the browser asks the server for /favicon.ico, a 404 on most servers.
const icon = `<link rel="icon" href="${logo(14)}">`;
export const withIcon = (html) => html.replace(/<head>/i, `<head>\n${icon}`);

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const loaded = [];
for (const name of specs) {
  const file = `${specDir}${name}.yaml`;
  const spec = parse(await readFile(file, 'utf8'));
  loaded.push({ name, spec });
  const args = ['build-docs', file, '--inlineBundle', '-o', `${out}${name}.html`, '--title', spec.info.title];
  await promisify(execFile)(redocly, [...args, ...redocOptions], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  await writeFile(`${out}${name}.html`, localLogo(await readFile(`${out}${name}.html`, 'utf8')));
}
// The teardown flows (Arazzo): a page of their own, each step linked into the specs' pages.
const workflows = parse(await readFile(`${specDir}teardown.arazzo.yaml`, 'utf8'));
const bySource = Object.fromEntries(loaded.map(({ name, spec }) => [name, spec]));
await writeFile(`${out}workflows.html`, withIcon(renderWorkflows(workflows, bySource)));
await writeFile(`${out}index.html`, withIcon(await renderIndex(loaded, workflows)));
const pages = [...specs.map((name) => `${name}.html`), 'workflows.html'];
console.log(`API reference: ${out}index.html (${pages.join(', ')})`);
