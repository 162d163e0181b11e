// Appending to a journal, checked: a line counts only once every byte of it is on disk and
// fsync'ed. A short write, ENOSPC, EIO or a failed fsync breaks the writer for good: that
// write and every later one throw JournalWriteError, so the caller stops before its next
// request (a "sending" line that cannot be written means that batch is never sent).
//
// A line written with `{ sync: false }` (apply's `after` and `result` lines) is written whole
// but not fsync'ed on its own: the next synced line's fsync, or close(), takes it to disk. One
// lost to a crash before then leaves its call as sent with no outcome, which a resume settles
// by reading; a `before` line is always synced before its call goes out. At 3 ms an fsync, a
// line per call is what a teardown of thousands of resources spends its time on.
//
// The file is opened O_APPEND|O_CREAT|O_NOFOLLOW, mode 0600: never through a symbolic link
// (a link to /etc/passwd must not get JSON appended), and only a regular file.
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs';
import { UsageError } from '../usage.js';
import type { JournalEvent } from './events.js';

const FLAGS = constants.O_RDWR | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;

/** A journal line that could not be written whole: what was lost, and why. */
export class JournalWriteError extends Error {
  override readonly name = 'JournalWriteError';
  constructor(
    readonly path: string,
    /** The event whose line failed ("run", "sending", "outcome", …). */
    readonly event: string,
    /** ENOSPC, EIO, … or "short-write" when the system wrote less without saying why. */
    readonly code: string,
    readonly written: number,
    readonly size: number,
    options?: ErrorOptions,
  ) {
    super(
      `journal ${path}: its "${event}" line could not be written (${code}; ${written} of ${size} bytes on disk)`,
      options,
    );
  }

  toJSON() {
    const { name, message, path, event, code, written, size } = this;
    return { name, message, path, event, code, written, size };
  }
}

export interface JournalWriter {
  path: string;
  /**
   * Appends one line; returns once it is whole on disk (with `sync: false`: written, and on disk
   * by the next synced line or close()). Throws JournalWriteError.
   */
  write(event: JournalEvent, options?: { sync?: boolean }): void;
  /** The failure that broke the writer, if any. */
  readonly failure: JournalWriteError | undefined;
  close(): void;
}

/** Writes all of `bytes` (a short write is retried: the rest, or the reason it can't be). */
function writeAll(fd: number, bytes: Buffer, sync: boolean): { written: number; error?: unknown } {
  let written = 0;
  try {
    while (written < bytes.length) {
      const n = writeSync(fd, bytes, written, bytes.length - written);
      if (n <= 0) return { written, error: Object.assign(new Error('short write'), { code: 'short-write' }) };
      written += n;
    }
    if (sync) fsyncSync(fd);
    return { written };
  } catch (error) {
    return { written, error };
  }
}

export function openJournal(path: string, options: { command: string; now: () => Date; flag: string }): JournalWriter {
  let fd: number;
  try {
    fd = openSync(path, FLAGS, 0o600);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      `${options.flag} ${path}: ${code === 'ELOOP' ? 'a symbolic link; a journal is never read or written through one' : (code ?? (error as Error).message)}`,
    );
  }
  const stat = fstatSync(fd);
  const size = stat.size;
  if (!stat.isFile()) {
    closeSync(fd);
    throw new UsageError(`${options.flag} ${path}: not a regular file`);
  }
  let failure: JournalWriteError | undefined;
  /** Lines written since the last fsync. */
  let unsynced = false;
  const append = (event: string, text: string, sync = true) => {
    if (failure) throw failure;
    const bytes = Buffer.from(text);
    const { written, error } = writeAll(fd, bytes, sync);
    if (error === undefined) {
      unsynced = !sync;
      return;
    }
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    failure = new JournalWriteError(path, event, code, written, bytes.length, { cause: error });
    throw failure;
  };
  // After a crash (or a full disk) mid-line, start on a fresh line so the torn one stays alone.
  const last = Buffer.alloc(1);
  if (size > 0 && readSync(fd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) {
    try {
      append('newline', '\n');
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }
  return {
    path,
    write(event, { sync = true } = {}) {
      const { event: name, ...fields } = event;
      append(
        name,
        `${JSON.stringify({ time: options.now().toISOString(), event: name, command: options.command, ...fields })}\n`,
        sync,
      );
    },
    get failure() {
      return failure;
    },
    close: () => {
      try {
        // The last unsynced lines are outcomes a resume can do without (it reads): best effort.
        if (unsynced && !failure) fsyncSync(fd);
      } catch {}
      closeSync(fd);
    },
  };
}
