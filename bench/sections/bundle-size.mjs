// Section 4: min+gzip size of a browser bundle of each client (esbuild, everything inlined).

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { report } from '../lib.mjs';

const entries = {
  '@cloud-release/client': `import { createZenlayerClient, createNeutronClient } from '@cloud-release/client'; export { createZenlayerClient, createNeutronClient };`,
  'bare openapi-fetch': `import createClient from 'openapi-fetch'; export { createClient };`,
  'typescript-fetch (zenlayer + neutron)': `export * as zenlayer from '@cloud-release/client-typescript-fetch/zenlayer'; export * as neutron from '@cloud-release/client-typescript-fetch/neutron';`,
};
/** @type {Record<string, { minBytes: number, gzipBytes: number } | { error: string }>} */
const sizes = {};
for (const [name, contents] of Object.entries(entries)) {
  try {
    const out = await build({
      stdin: { contents, resolveDir: fileURLToPath(new URL('..', import.meta.url)), loader: 'js' },
      bundle: true,
      minify: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    const code = out.outputFiles?.[0]?.contents;
    if (!code) throw new Error('esbuild wrote no output');
    sizes[name] = { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
  } catch (error) {
    sizes[name] = { error: String(error instanceof Error ? error.message : error).split('\n')[0] ?? '' };
  }
}
report(sizes);
