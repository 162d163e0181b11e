// release-instances as the tests run it against a server (confirmed with --yes), and what a
// run reports: the --json account of a run that did not release everything, and the one line
// of a --resume refused before anything is sent.
import { expect } from 'vitest';
import { type InProcess, runMain } from './harness.js';

/** Runs `release-instances <args> --endpoint <url> --yes`: `args` holds the ids and any other flags. */
export const release = (server: { url: string }, args: string[], options?: InProcess) =>
  runMain(['release-instances', ...args, '--endpoint', server.url, '--yes'], options);

/** Runs `release-instances --resume <path> --endpoint <url> --yes` and any `more` flags. */
export const resume = (path: string, url: string, ...more: string[]) =>
  runMain(['release-instances', '--resume', path, '--endpoint', url, '--yes', ...more]);

/**
 * A --resume of `path` against `server` is refused: exit 2, the one line
 * `error: --resume <path>: <reason>`, and nothing sent.
 */
export async function expectResumeRefused(
  server: { url: string; requests: unknown[] },
  path: string,
  reason: string,
): Promise<void> {
  const r = await resume(path, server.url);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe(`error: --resume ${path}: ${reason}\n`);
  expect(server.requests).toEqual([]);
}

/**
 * The --json account of a run that did not release everything, every field of it: each count
 * is 0, no id unknown and the run not interrupted unless `fields` says otherwise.
 */
export const failedAccount = (fields: Record<string, unknown>) => ({
  ok: false,
  interrupted: false,
  accepted: 0,
  refused: 0,
  unknown: 0,
  unknownIds: [],
  notSent: 0,
  ...fields,
});
