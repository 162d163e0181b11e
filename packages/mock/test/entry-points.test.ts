// What each entry point loads, read from the built modules' imports: the main entry never
// msw (an optional peer), @cloud-release/mock/msw never node:http nor the server, and its
// browser build nothing but msw (no Node built-in: a page's bundler has none).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

/** Every module an entry imports, transitively: its own files by path, packages by name. */
function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    // Static imports and re-exports, either quote (the bundle's chunks use double quotes).
    for (const [, specifier] of text.matchAll(/^(?:import|export)\s*(?:[^'";]*?\sfrom\s*)?["']([^'"]+)["']/gm)) {
      if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!));
      else seen.add(specifier!);
    }
  };
  visit(resolve(dist, entry));
  return seen;
}

describe('entry points', () => {
  it('the main entry loads no msw', () => {
    const loaded = [...graph('index.js')];
    expect(loaded).toContain('node:http');
    expect(loaded.filter((m) => m === 'msw' || m.startsWith('msw/'))).toEqual([]);
  });

  it('@cloud-release/mock/msw loads neither node:http nor the server', () => {
    const loaded = [...graph('msw.js')];
    expect(loaded).toContain('msw');
    expect(loaded.filter((m) => m === 'node:http' || m === 'http' || m.endsWith('transports/server.js'))).toEqual([]);
  });

  it("the browser build of @cloud-release/mock/msw (package.json's browser condition) imports msw and nothing else", () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.exports['./msw'].browser).toBe('./dist/browser/msw.js');
    const packages = [...graph('browser/msw.js')].filter((m) => !m.startsWith('/'));
    expect(packages).toEqual(['msw']);
  });
});
