/** A mistake in how the CLI was called: exit code 2, nothing sent. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    /** Where to read more, for a mistake in the arguments: "Run 'cloud-release … --help' for usage." */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const helpHint = (command: string) => `Run 'cloud-release ${command} --help' for usage.`;

/**
 * 130 = 128 + SIGINT, what a shell reports for a run stopped by Ctrl-C. 74 is sysexits'
 * EX_IOERR: the output could not be written (a full disk), whatever the run itself did. 73 is
 * sysexits' EX_CANTCREAT: the journal could not take a line (a full disk, a short write), so
 * the run stopped before its next request. 3 is apply's "not finished": some resource timed out
 * or its outcome is unknown (nothing refused), so a --resume may finish it.
 */
export const EXIT = { ok: 0, apiError: 1, usage: 2, unfinished: 3, journal: 73, output: 74, interrupted: 130 } as const;
