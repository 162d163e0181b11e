// Runs the CLI the two ways a test needs: in-process through main(argv, io) with fake streams
// (fast; the prompt is driven as keys), and as a spawned process (signals, the real bin).
import { spawn } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { CliIo } from '../../src/io.js';
import { main } from '../../src/main.js';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
export const SECRETS = {
  ZENLAYER_ACCESS_KEY_ID: 'AK-CLI-TEST',
  ZENLAYER_ACCESS_KEY_PASSWORD: 'PW-SECRET-2c9f',
  OS_TOKEN: 'OS-SECRET-77ab',
};
/** Everything any run printed, checked for secrets once at the end of each file. */
export const outputs: string[] = [];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface InProcess {
  env?: Record<string, string>;
  tty?: boolean;
  /** Whether stderr is a terminal (a live line may be redrawn there). */
  stderrTty?: boolean;
  stdin?: string;
  cwd?: string;
  /** Where SIGINT/SIGTERM are emitted to the run (a plain EventEmitter). */
  signals?: EventEmitter;
  /** Called with the live stdin and a way to read stderr so far, once main has started. */
  drive?: (stdin: PassThrough, stderr: () => string) => void | Promise<void>;
  /** The run's clock (it stamps every journal line); default: the real one. */
  now?: () => Date;
  /** Time as the run's waits see it (apply); default: the real clock. */
  waiterClock?: CliIo['waiterClock'];
  /** Hands the run its embedded mock (e.g. one shared across runs); default: a fresh one. */
  startEmbedded?: CliIo['startEmbedded'];
}

export async function runMain(args: string[], options: InProcess = {}): Promise<Run> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  if (options.stdin !== undefined) stdin.end(options.stdin);
  const io: CliIo = {
    stdin,
    stdinIsTTY: options.tty === true,
    stdout,
    stderr,
    stderrIsTTY: options.stderrTty === true,
    env: options.env ?? SECRETS,
    cwd: options.cwd ?? process.cwd(),
    signals: (options.signals ?? new EventEmitter()) as CliIo['signals'],
    now: options.now ?? (() => new Date()),
    ...(options.startEmbedded && { startEmbedded: options.startEmbedded }),
    ...(options.waiterClock && { waiterClock: options.waiterClock }),
  };
  const running = main(args, io);
  await options.drive?.(stdin, () => err);
  const code = await running;
  outputs.push(out, err);
  return { code, stdout: out, stderr: err };
}

/** Resolves once `read()` contains `text` (polling; the prompt is written asynchronously). */
export async function waitFor(read: () => string, text: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!read().includes(text)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${JSON.stringify(text)} in ${read()}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function spawnCli(args: string[], env: Record<string, string> = SECRETS, cwd?: string) {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH!, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(cwd && { cwd }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<Run>((resolve) =>
    child.on('close', (code) => {
      outputs.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, done, stderr: () => stderr };
}

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** A node:http server on 127.0.0.1:0 that records every request and answers with `handler`. */
export async function recorder(handler: Handler | { status: number; body?: unknown }) {
  const requests: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];
  const answer: Handler =
    typeof handler === 'function'
      ? handler
      : (_req, _body, res) =>
          res
            .writeHead(handler.status, { 'content-type': 'application/json' })
            .end(handler.body === undefined ? undefined : JSON.stringify(handler.body));
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      answer(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type Recorder = Awaited<ReturnType<typeof recorder>>;
