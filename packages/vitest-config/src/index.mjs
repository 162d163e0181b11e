// The vitest settings the packages' suites share. A package rather than a file at the
// repository root: a package's config must also load from Stryker's sandbox (a copy of the
// package alone), where only what node_modules links is within reach. JavaScript, because vite
// loads a linked package in a config with plain Node (index.d.mts types it).

/**
 * The shared test settings, then the package's `own` (its timeouts, above all), which win.
 * @template {object} Own
 * @param {Own} own
 */
export function packageTests(own) {
  return {
    // A run that finds no test is a failure, never a green run that checked nothing.
    passWithNoTests: false,
    include: ['test/**/*.test.ts'],
    // Files share a worker's module cache: what a file imports (the package under test, the mock,
    // Prism, the parsed specs) loads once per worker, not once per file, in a process forked once,
    // not once per file. Each file stops what it starts and restores what it stubs in its own
    // hooks, and none changes a global. spec-gate's three files used 12 s of CPU isolated, 8 s
    // not; the browser suite's three 21–23 s, 18–19 s (interleaved runs).
    isolate: false,
    // Our packages' built dist/ is reached through a workspace link, not node_modules, so vite
    // would transform each of its files and map its source (the mock's 2 MB bundle among them);
    // Node loads it as it loads any dependency. The contract suite used 4–6 s less CPU of ~31.
    server: { deps: { external: [/\/(packages|apps)\/[^/]+\/dist\//] } },
    ...own,
  };
}
