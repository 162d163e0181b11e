// `spec-gate <root>` apart from the process: the lines it prints on stdout and stderr, and its
// exit code (src/cli.ts writes them); tests call it in-process.
import { runGate } from './run-gate.js';

export interface GateCommandResult {
  code: 0 | 1;
  stdout: string;
  stderr: string;
}

export async function gateCommand(root: string): Promise<GateCommandResult> {
  const verdicts = await runGate(root);
  const stdout = verdicts.map((verdict) => `${verdict.report.join('\n')}\n`).join('');
  const failed = verdicts.filter((verdict) => !verdict.passed);
  if (failed.length === 0) return { code: 0, stdout, stderr: '' };
  const stderr = `spec-gate: breaking change in ${failed.map((v) => v.spec).join(', ')} (compared with spec/released/)\n`;
  return { code: 1, stdout, stderr };
}
