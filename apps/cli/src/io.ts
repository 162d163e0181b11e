// Everything the CLI touches outside itself, injected: tests run `main` in-process with fake
// streams, a fake terminal flag and their own environment; `cli.ts` passes the real ones.
import type { Readable, Writable } from 'node:stream';
import type { WaiterClock } from '@cloud-release/client';
import type { Api } from '@cloud-release/mock';
import type { EmbeddedMock } from './target.js';

/** Where SIGINT/SIGTERM arrive: `process` in production, an EventEmitter in tests. */
export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface CliIo {
  stdin: Readable;
  /** Whether stdin is a terminal a person types into (only then may the CLI prompt). */
  stdinIsTTY: boolean;
  stdout: Writable;
  stderr: Writable;
  /** Whether stderr is a terminal: only then may a line be redrawn in place (apply's live line). */
  stderrIsTTY?: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Where default journal files go. */
  cwd: string;
  signals: SignalSource;
  now(): Date;
  /**
   * Time as apply's waits see it (default: the real clock). Tests pass one that a manual mock
   * clock drives, so a wait for a transition takes no real time.
   */
  waiterClock?: WaiterClock;
  /**
   * Starts the embedded mock (default: a fresh one per run, from the seed). Tests pass one
   * that hands out a shared mock, to see state carried from one run to the next.
   */
  startEmbedded?: (api: Api) => Promise<EmbeddedMock>;
}

export function processIo(): CliIo {
  return {
    stdin: process.stdin,
    stdinIsTTY: process.stdin.isTTY === true,
    stdout: process.stdout,
    stderr: process.stderr,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
    cwd: process.cwd(),
    signals: process,
    now: () => new Date(),
  };
}

/** Line-oriented output for one command: results on stdout, everything else on stderr. */
export interface Out {
  out(line: string): void;
  err(line: string): void;
  json: boolean;
}

export function lineOutput(io: CliIo, json: boolean): Out {
  return {
    out: (line) => io.stdout.write(`${line}\n`),
    err: (line) => io.stderr.write(`${line}\n`),
    json,
  };
}
