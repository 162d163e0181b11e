// Drives warm_runner.py: one Python process per script that has loaded the script's modules, and
// forks a fresh process for each run of the script. A run answers as a process would (exit code,
// stdout, stderr) at a fraction of a cold interpreter's CPU.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const RUNNER = fileURLToPath(new URL('./warm_runner.py', import.meta.url));
/** A run still going after this is killed, and answers exit code -1. */
const RUN_TIMEOUT_S = 30;

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface WarmRunner {
  /** Runs the script once with these arguments, after every run asked for before it. */
  run: (...args: string[]) => Promise<Run>;
  /** Ends the runner (it ends when its stdin closes; killed with its run if it has not 5 s later). */
  stop: () => Promise<void>;
}

/** Starts `python SCRIPT` kept warm with `modules` loaded; resolves once they are. */
export async function startWarmRunner(
  python: string,
  script: string,
  modules: string[],
  env: NodeJS.ProcessEnv,
): Promise<WarmRunner> {
  // A process group of its own: stopping it by force also stops the run it may have forked.
  const child = spawn(python, [RUNNER, script, ...modules], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextAnswer = async () => {
    const line = await answers.next();
    if (line.done) throw new Error(`warm runner for ${script} ended: ${stderr}`);
    return JSON.parse(line.value);
  };
  await nextAnswer();
  // Runs one at a time, in the order asked: the runner answers in that order.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run: (...args) => {
      const answer = queue.then(() => {
        child.stdin.write(`${JSON.stringify({ args, timeout: RUN_TIMEOUT_S })}\n`);
        return nextAnswer() as Promise<Run>;
      });
      queue = answer.catch(() => undefined);
      return answer;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // The group ended between the check and the kill: nothing is left to stop.
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
