// Ids from the command line and from --ids-file (a path, or - for stdin): one per line,
// blank lines and # comments skipped.
import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { helpHint, UsageError } from './usage.js';

export function parseIdList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

async function readAll(stream: Readable): Promise<string> {
  let text = '';
  stream.setEncoding('utf8');
  for await (const chunk of stream) text += chunk;
  return text;
}

/** The ids of a run: the arguments, then the file's; at least one. */
export async function collectIds(args: string[], idsFile: string | undefined, stdin: Readable): Promise<string[]> {
  let fromFile: string[] = [];
  if (idsFile !== undefined) {
    let text: string;
    try {
      text = idsFile === '-' ? await readAll(stdin) : await readFile(idsFile, 'utf8');
    } catch (error) {
      throw new UsageError(
        `--ids-file ${idsFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    fromFile = parseIdList(text);
    if (fromFile.length === 0) throw new UsageError(`--ids-file ${idsFile} lists no ids`);
  }
  const ids = [...args, ...fromFile];
  if (ids.length === 0)
    throw new UsageError('no ids: give them as arguments or with --ids-file <path|->', helpHint('release-instances'));
  return ids;
}
