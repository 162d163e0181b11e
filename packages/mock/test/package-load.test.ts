// What a fresh process loads to answer through the mock: the package's own bundled files and
// nothing from node_modules. Prism's router and validator are inside the bundle; its dynamic
// generation (faker), forwarding and Postman import are not loaded at all, and Prism itself
// only once a mock is started. (How long that takes is measured beside `prism mock` by
// `pnpm bench`, section 7, not timed here.)
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));

// Run in a child so that nothing this test runner loaded counts. CommonJS modules, which is
// what Prism and its dependencies are, land in Module._cache when loaded from ES modules too.
const script = `
import { createRequire } from 'node:module';
const { _cache } = createRequire(import.meta.url)('node:module');
const fromNodeModules = () => Object.keys(_cache).filter((file) => file.includes('node_modules'));
const { startMock } = await import('@cloud-release/mock');
const imported = fromNodeModules();
const mock = await startMock({ api: 'neutron' });
const status = (await fetch(mock.url + '/v2.0/ports', { headers: { 'x-auth-token': 't' } })).status;
await mock.close();
console.log(JSON.stringify({ imported, answered: fromNodeModules(), status }));
`;

it('imports, starts and answers without loading any module from node_modules', async () => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: packageDir });
  expect(JSON.parse(stdout)).toEqual({ imported: [], answered: [], status: 200 });
});
