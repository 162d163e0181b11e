#!/usr/bin/env node
// `spec-gate [root]`: prints every change of every spec and exits 1 on an unreleased breaking one.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gateCommand } from './gate-command.js';

const findRoot = (start: string): string => {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no pnpm-workspace.yaml above ${start}`);
  }
};

const root = process.argv[2] ? resolve(process.argv[2]) : findRoot(process.cwd());
const { code, stdout, stderr } = await gateCommand(root);
process.stdout.write(stdout);
process.stderr.write(stderr);
process.exitCode = code;
