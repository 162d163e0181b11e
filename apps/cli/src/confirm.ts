// A destructive command asks first. On a terminal it names what will be destroyed and waits
// for "yes"; anywhere else (scripts, CI) only --yes can confirm, so nothing is released by a
// pipe that happened to contain a "y".
import { createInterface } from 'node:readline/promises';
import { UsageError } from './usage.js';

export interface ConfirmContext {
  yes: boolean;
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
}

export async function confirmDestruction(what: string, where: string, context: ConfirmContext): Promise<void> {
  if (context.yes) return;
  if (!context.input.isTTY) {
    throw new UsageError(`refusing to ${what} without confirmation: stdin is not a terminal, so pass --yes`);
  }
  const rl = createInterface({ input: context.input, output: context.output });
  try {
    const answer = await rl.question(`This will ${what} at ${where}. It cannot be undone.\nType "yes" to continue: `);
    if (answer.trim().toLowerCase() !== 'yes') throw new UsageError('not confirmed; nothing was sent');
  } finally {
    rl.close();
  }
}
