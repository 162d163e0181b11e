// The one flow every destructive command follows: build the exact request(s) offline (which
// also validates the input), show them on --dry-run, confirm, send, report.
import { dryRunFetch, type ObservedRequest } from '@cloud-release/client';
import type { Api } from '@cloud-release/mock';
import { confirmDestruction } from './confirm.js';
import { type Io, printPlanned, reportError } from './report.js';
import { resolveTarget, type Target } from './target.js';
import { EXIT } from './usage.js';

export interface CommonFlags {
  endpoint?: string;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
  ignoreMissing?: boolean;
}

export interface Release<R> {
  api: Api;
  /** What will be destroyed, for the prompt: "release 3 instances (i-1, i-2, i-3)". */
  what: string;
  /** Performs the release through a client built with this fetch; `live` is false for the dry pass. */
  perform(target: Target, fetch: typeof globalThis.fetch, live: boolean): Promise<R>;
  /** A human summary of the result. */
  summary(result: R): string;
}

export async function runRelease<R>(release: Release<R>, flags: CommonFlags, io: Io): Promise<number> {
  let target: Target | undefined;
  try {
    target = await resolveTarget(release.api, flags.endpoint);
    if (target.embedded)
      io.err(`Using the embedded ${release.api} mock at ${target.baseUrl}: nothing real is released.`);
    const planned: ObservedRequest[] = [];
    await release.perform(
      target,
      dryRunFetch((r) => planned.push(r)),
      false,
    );
    if (flags.dryRun) {
      printPlanned(planned, io);
      return EXIT.ok;
    }
    await confirmDestruction(release.what, target.baseUrl, {
      yes: flags.yes === true,
      input: process.stdin,
      output: process.stderr,
    });
    const result = await release.perform(target, globalThis.fetch, true);
    io.out(io.json ? JSON.stringify({ ok: true, result }, null, 2) : release.summary(result));
    return EXIT.ok;
  } catch (error) {
    return reportError(error, io);
  } finally {
    await target?.close();
  }
}
