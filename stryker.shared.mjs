// Settings every package's Stryker run shares (packages/client, packages/mock, apps/cli).
// Sized for the project's machine: 2 cores. The report and the incremental file are build
// output (git-ignored, turbo `outputs`), so a second run only re-tests mutants whose code or
// covering tests changed.
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
