// What the browser test needs around Chromium: the page bundled with the client, a static server
// for it (a different origin from the mocks, so every call is a CORS call). Chromium itself is
// @cloud-release/headless-chromium's.
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const page = (file: string) => fileURLToPath(new URL(`../page/${file}`, import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** Bundles page/main.ts for browsers and serves it with index.html; close() removes both. */
export async function servePage() {
  const dir = await mkdtemp(join(tmpdir(), 'cloud-release-page-'));
  await build({
    entryPoints: [page('main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(dir, 'main.js'),
    logLevel: 'error',
  });
  await copyFile(page('index.html'), join(dir, 'index.html'));
  const server = createServer(async (req, res) => {
    const name = new URL(req.url ?? '/', 'http://page').pathname.slice(1) || 'index.html';
    if (!(name in { 'index.html': 1, 'main.js': 1 })) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(name)]! }).end(await readFile(join(dir, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await rm(dir, { recursive: true, force: true });
    },
  };
}
