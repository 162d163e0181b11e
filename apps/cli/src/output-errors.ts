// What a write failure of the process's own stdout or stderr means for a run. A reader that
// stops reading (`cloud-release --help | head -3`) is not a failure: the rest of the output is
// dropped, and a release in progress still finishes and writes its journal. Any other failure
// (a full disk under `> out.json`) comes after the release may have been sent, so it must not
// surface as a crash with a stack trace that reads like a failed call: it is one line on
// stderr, and the exit code says the output is incomplete (EXIT.output).
import type { Writable } from 'node:stream';
import { EXIT } from './usage.js';

const READER_GONE = new Set(['EPIPE', 'ERR_STREAM_DESTROYED']);

export interface OutputWatch {
  /** The exit code for the run's own code: EXIT.output once a write has failed. */
  exitCode(runCode: number): number;
}

/** Watches `stdout` and `stderr`; `onFailed` runs with EXIT.output each time a write fails. */
export function watchOutput(stdout: Writable, stderr: Writable, onFailed: (code: number) => void): OutputWatch {
  let failed = false;
  let told = false;
  const watch = (stream: Writable, name: string) =>
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (READER_GONE.has(error.code ?? '')) return;
      failed = true;
      onFailed(EXIT.output);
      if (told || stream === stderr) return;
      told = true;
      // Said once: every later write fails the same way. A journal is a file of its own, kept apart.
      stderr.write(
        `cloud-release: ${name} could not be written (${error.code ?? error.message}): the output is incomplete, ` +
          'and a release may have been sent all the same (a run with --journal keeps its record there).\n',
      );
    });
  watch(stdout, 'stdout');
  watch(stderr, 'stderr');
  return { exitCode: (runCode) => (failed ? EXIT.output : runCode) };
}
