// The options every destructive command takes, and the one-line usage hint.
import { type Command, InvalidArgumentError } from 'commander';

export function withCommonOptions(command: Command, endpointHelp: string): Command {
  return command
    .option('--endpoint <url>', `${endpointHelp} (default: an embedded mock, nothing real is released)`)
    .option('--dry-run', 'print the exact signed request(s), secrets masked, and send nothing')
    .option('-y, --yes', 'confirm without a prompt (required when stdin is not a terminal)')
    .option('--json', 'print machine-readable JSON on stdout')
    .option('--ignore-missing', 'treat "not found" as success: the resource is already gone');
}

export function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('must be an integer ≥ 0.');
  return Number(value);
}

/** The command a usage error belongs to, from the raw arguments, for "Run '… --help'". */
export function commandPath(argv: readonly string[], program: Command): string {
  const path = ['cloud-release'];
  let command: Command | undefined = program;
  for (const arg of argv) {
    const sub: Command | undefined = command?.commands.find((c) => c.name() === arg);
    if (!sub) break;
    path.push(arg);
    command = sub;
  }
  return path.join(' ');
}
