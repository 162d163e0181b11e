// Settings every package's Stryker run shares (packages/client, packages/mock, apps/cli).
// Sized for the project's machine: 2 cores. The report and the incremental file are build
// output (git-ignored, turbo `outputs`), so a second run only re-tests mutants whose code or
// covering tests changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
/** @param {Partial<import('@stryker-mutator/api/core').PartialStrykerOptions>} own */
export function strykerConfig(own) {
  return {
    testRunner: 'vitest',
    plugins: ['@stryker-mutator/vitest-runner'],
    // Each mutant runs only the tests that reach it.
    coverageAnalysis: 'perTest',
    // STRYKER_CONCURRENCY=1 while the machine is shared; 2 (the machine's cores) otherwise.
    concurrency: Number(process.env.STRYKER_CONCURRENCY ?? 2),
    // Mutants that loop (a retry whose condition is always true) are cut off here.
    timeoutMS: 10_000,
    timeoutFactor: 2,
    // Static mutants (module-level constants) need a full suite run each; they are reported
    // as "ignored", not counted for or against the score.
    ignoreStatic: true,
    incremental: true,
    incrementalFile: 'reports/mutation/stryker-incremental.json',
    reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
    htmlReporter: { fileName: 'reports/mutation/index.html' },
    jsonReporter: { fileName: 'reports/mutation/mutation.json' },
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    thresholds: { high: 90, low: 85, break: null },
    ...own,
  };
}

/**
 * Stryker `mutate` ranges (`file:first-last`) for module-level declarations, found by the text
 * their first line starts with, so a static run's list follows the code as it moves. A
 * declaration ends at the first line where its brackets balance again and that does not end
 * in `=>` or `=` (an arrow function's body or a value on the next line).
 * @param {string} packageDir the package's directory (import.meta.dirname)
 * @param {Record<string, string[]>} declarations file (from the package) → first-line prefixes
 */
export function declarationRanges(packageDir, declarations) {
  return Object.entries(declarations).flatMap(([file, prefixes]) => {
    const lines = readFileSync(join(packageDir, file), 'utf8').split('\n');
    return prefixes.map((prefix) => {
      const first = lines.findIndex((line) => line.startsWith(prefix));
      if (first < 0) throw new Error(`${file}: no line starts with ${JSON.stringify(prefix)}`);
      let depth = 0;
      let last = first;
      for (; last < lines.length; last++) {
        for (const c of lines[last]) depth += '([{'.includes(c) ? 1 : ')]}'.includes(c) ? -1 : 0;
        if (depth <= 0 && !/(=>|=)\s*$/.test(lines[last])) break;
      }
      return `${file}:${first + 1}-${last + 1}`;
    });
  });
}
