// A destructive command asks first. On a terminal it names what will be destroyed and waits
// for "yes"; anywhere else (scripts, CI) only --yes can confirm, so nothing is released by a
// pipe that happened to contain a "y". Ctrl-C and Ctrl-D at the prompt are a plain "no".
import { createInterface } from 'node:readline';
import type { CliIo } from './io.js';
import { UsageError } from './usage.js';

export async function confirmDestruction(what: string, where: string, yes: boolean, io: CliIo): Promise<void> {
  if (yes) return;
  if (!io.stdinIsTTY) {
    throw new UsageError(`refusing to ${what} without confirmation: stdin is not a terminal, so pass --yes`);
  }
  // terminal: true even when the output is not a terminal: the *input* is, so ^C and ^D
  // must arrive as keys (readline's SIGINT and close) rather than end the process.
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  const answer = await new Promise<string | undefined>((resolve) => {
    rl.once('SIGINT', () => resolve(undefined));
    rl.once('close', () => resolve(undefined));
    rl.question(`This will ${what} at ${where}. It cannot be undone.\nType "yes" to continue: `, resolve);
  });
  rl.close();
  if (answer === undefined) {
    io.stderr.write('\n'); // the prompt line was left open by ^C/^D
    throw new UsageError('not confirmed (interrupted at the prompt); nothing was sent');
  }
  if (answer.trim().toLowerCase() !== 'yes') throw new UsageError('not confirmed; nothing was sent');
}

/**
 * apply's confirmation: the person types how many resources will be destroyed, which they can
 * only know by reading the summary above it. --yes skips it only when stdin is not a terminal.
 */
export async function confirmCount(count: number, where: string, yes: boolean, io: CliIo): Promise<void> {
  if (!io.stdinIsTTY) {
    if (yes) return;
    throw new UsageError('refusing to apply without confirmation: stdin is not a terminal, so pass --yes');
  }
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal: true });
  const answer = await new Promise<string | undefined>((resolve) => {
    rl.once('SIGINT', () => resolve(undefined));
    rl.once('close', () => resolve(undefined));
    rl.question(
      `This will destroy ${count} resource${count === 1 ? '' : 's'} at ${where}. It cannot be undone.\nType the number of resources to destroy to continue: `,
      resolve,
    );
  });
  rl.close();
  if (answer === undefined) {
    io.stderr.write('\n');
    throw new UsageError('not confirmed (interrupted at the prompt); nothing was sent');
  }
  if (answer.trim() !== String(count)) throw new UsageError('not confirmed; nothing was sent');
}
