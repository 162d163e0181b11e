// Redocly lints the three files once for both test files (a Redocly process costs more than
// all the other spec tests together), and hands each file's report to the tests.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

/** Redocly's JSON report of one file. */
export interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  problems: unknown[];
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** file name → Redocly's report on it */
    lint: Record<string, LintReport>;
  }
}

const LINTED = ['zenlayer.yaml', 'neutron.yaml', 'teardown.arazzo.yaml'];

/**
 * Redocly prints one pretty-printed JSON document per file, one after the other: where one ends
 * and the next begins is a line `}{` (inside a document, a closing brace is indented).
 */
const jsonDocuments = (text: string): unknown[] => JSON.parse(`[${text.trim().replace(/^\}\{$/gm, '},{')}]`);

export default async function setup(project: TestProject) {
  const here = fileURLToPath(new URL('../..', import.meta.url));
  const redocly = fileURLToPath(new URL('../../node_modules/.bin/redocly', import.meta.url));
  // Redocly exits 1 when a file has errors; its report is on stdout either way.
  const stdout = await promisify(execFile)(redocly, ['lint', ...LINTED, '--format=json'], { cwd: here }).then(
    (r) => r.stdout,
    (error: { stdout?: string }) => error.stdout ?? '',
  );
  const reports = jsonDocuments(stdout) as LintReport[];
  if (reports.length !== LINTED.length)
    throw new Error(`redocly lint printed ${reports.length} reports for ${LINTED.length} files:\n${stdout}`);
  project.provide('lint', Object.fromEntries(LINTED.map((name, i) => [name, reports[i] as LintReport])));
}
