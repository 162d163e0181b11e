#!/usr/bin/env node
// `spec-gate [root]`: prints every change of every spec and exits 1 on an unreleased breaking one.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { runGate } from './run-gate.js';

const findRoot = (start: string): string => {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
  }
};

const root = process.argv[2] ? resolve(process.argv[2]) : findRoot(process.cwd());
const verdicts = await runGate(root);
for (const verdict of verdicts) console.log(verdict.report.join('\n'));
const failed = verdicts.filter((verdict) => !verdict.passed);
if (failed.length > 0) {
  console.error(`spec-gate: breaking change in ${failed.map((v) => v.spec).join(', ')} (compared with spec/released/)`);
  process.exitCode = 1;
}
