// The CLI as a function: arguments and streams in, exit code out. `cli.ts` calls it with the
// process's own; tests call it in-process with their own streams, terminal flag and env.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { addApplyCommand } from './apply-command.js';
import type { Finish } from './finish.js';
import { addInstanceCommand } from './instances.js';
import type { CliIo } from './io.js';
import { addNeutronCommands } from './neutron.js';
import { commandPath } from './options.js';
import { addPlanCommand } from './plan-command.js';
import { addSingleZenlayerCommands } from './single.js';
import { EXIT } from './usage.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let exitCode: number = EXIT.ok;
  const finish: Finish = (code) => {
    exitCode = code;
  };
  const program = new Command('cloud-release')
    .description(
      'Release cloud resources for good, safely: typed, signed, confirmed.\nCredentials come from the environment only: ZENLAYER_ACCESS_KEY_ID + ZENLAYER_ACCESS_KEY_PASSWORD or ZENLAYER_BEARER_TOKEN, and OS_TOKEN.',
    )
    .version(version, '-V, --version', 'print the version')
    .addHelpText(
      'after',
      "\nWithout --endpoint every command runs on an embedded mock (nothing real is released);\neach command's --help names the inventory it starts from.\n",
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    });
  addInstanceCommand(program, io, finish);
  addSingleZenlayerCommands(program, io, finish);
  addNeutronCommands(program, io, finish);
  addPlanCommand(program, io, finish);
  addApplyCommand(program, io, finish);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Help and --version exit 0; every other commander complaint is a usage error, already
    // printed on one line by commander: add where to read more, not the whole help.
    if (['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)) return EXIT.ok;
    io.stderr.write(`Run '${commandPath(argv, program)} --help' for usage.\n`);
    return EXIT.usage;
  }
}
