// Runs workflows of spec/teardown.arazzo.yaml with the real Redocly CLI (`redocly respect`) as a
// child process, bounded: Respect's own execution timeout, and a kill if the process outlives it.
// Its JSON report says, for each workflow, which steps ran and which checks failed. One process
// may run several workflows (one after the other, in the file's order): each process costs more
// CPU to start than its workflows cost to run.
import { type ChildProcess, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const workflowsFile = createRequire(import.meta.url).resolve('@cloud-release/spec/teardown.arazzo.yaml');
/** What node_modules/.bin/redocly runs, run with Node here so that Node takes a flag. */
const redoclyCli = fileURLToPath(new URL('../../node_modules/@redocly/cli/bin/cli.js', import.meta.url));
/**
 * A run lives seconds and spends them loading code once and waiting between polls: V8's
 * optimizing tiers (Maglev, Turbofan) cost it more CPU than they save (1.43 s → 1.22 s a run,
 * median of five). Baseline code runs the same JavaScript, so Respect behaves the same.
 */
const NODE_FLAGS = ['--max-opt=1'];

/** Respect's own bound on a run; the child is killed if it is still there 5 s later. */
const RUN_TIMEOUT_MS = 45_000;

const children = new Set<ChildProcess>();
/** Kills every run still going (a test that timed out leaves its child behind): for afterAll. */
export function killRespectRuns(): void {
  for (const child of children) child.kill('SIGKILL');
  children.clear();
}

/** A workflow to run, the servers its source descriptions point at and its inputs. */
export interface WorkflowRun {
  workflowId: string;
  servers: Record<string, string>;
  inputs: Record<string, string>;
}

export interface RespectRun {
  /** The process's exit code (null: killed): 0 only when every workflow it ran passed. */
  code: number | null;
  /** The steps Respect ran, in order (a retried poll once per attempt), and whether each passed. */
  steps: Array<{ stepId: string; passed: boolean }>;
  /** The failed checks, `<stepId>: <check name>: <message>` (e.g. `read: success criteria check: …`). */
  failedChecks: string[];
  /** The tail of what Respect printed (a run can exit 1 without a report, e.g. on a bad input schema). */
  output: string;
}

/** A step Respect ran, or (after a `goto`) a nested run of the workflow from the goto's target. */
type ReportEntry =
  | { type: 'step'; stepId: string; checks: Array<{ name: string; passed: boolean; message: string }> }
  | { type: 'workflow'; workflowId: string; executedSteps: ReportEntry[] };
interface Report {
  files: Record<string, { executedWorkflows: ReportEntry[] }>;
}
const stepsOf = (entries: ReportEntry[]): Array<Extract<ReportEntry, { type: 'step' }>> =>
  entries.flatMap((entry) => (entry.type === 'workflow' ? stepsOf(entry.executedSteps) : [entry]));

/**
 * Respect takes one `--server` per source description and one set of inputs for all the
 * workflows it runs: the runs must not give one server or one input two values.
 */
function merged(runs: WorkflowRun[], part: 'servers' | 'inputs'): Record<string, string> {
  const all: Record<string, string> = {};
  for (const run of runs) {
    for (const [name, value] of Object.entries(run[part])) {
      if (name in all && all[name] !== value) {
        throw new Error(`respect: ${part} "${name}" given two values; run these workflows apart`);
      }
      all[name] = value;
    }
  }
  return all;
}

/** Runs the workflows in one Respect process; the outcome of each, in the order given. */
export async function respect(runs: WorkflowRun[]): Promise<RespectRun[]> {
  const ids = runs.map((run) => run.workflowId);
  if (new Set(ids).size !== ids.length) throw new Error(`respect: a workflow twice in one run: ${ids.join(', ')}`);
  const dir = await mkdtemp(join(tmpdir(), 'respect-'));
  const reportFile = join(dir, 'report.json');
  const args = [
    'respect',
    workflowsFile,
    ...ids.flatMap((id) => ['--workflow', id]),
    ...Object.entries(merged(runs, 'servers')).flatMap(([name, url]) => ['--server', `${name}=${url}`]),
    '--input',
    JSON.stringify(merged(runs, 'inputs')),
    '--json-output',
    reportFile,
    '--execution-timeout',
    String(RUN_TIMEOUT_MS),
    '--max-fetch-timeout',
    '5000',
  ];
  try {
    const { code, output } = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = execFile(
        process.execPath,
        [...NODE_FLAGS, redoclyCli, ...args],
        {
          timeout: RUN_TIMEOUT_MS + 5_000,
          killSignal: 'SIGKILL',
          maxBuffer: 16 * 1024 * 1024,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        },
        (error, stdout, stderr) => {
          children.delete(child);
          const exit = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ code: exit, output: `${stdout}\n${stderr}`.slice(-4_000) });
        },
      );
      children.add(child);
    });
    const report: Report | undefined = await readFile(reportFile, 'utf8')
      .then((text) => JSON.parse(text) as Report)
      .catch(() => undefined);
    const workflows = Object.values(report?.files ?? {}).flatMap((file) => file.executedWorkflows);
    return ids.map((id) => {
      const executed = stepsOf(workflows.filter((entry) => entry.type === 'workflow' && entry.workflowId === id));
      return {
        code,
        steps: executed.map((step) => ({ stepId: step.stepId, passed: step.checks.every((check) => check.passed) })),
        failedChecks: executed.flatMap((step) =>
          step.checks
            .filter((check) => !check.passed)
            .map((check) => `${step.stepId}: ${check.name}: ${check.message}`),
        ),
        output,
      };
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
