// The one flow every destructive command follows: check the input offline (ids, endpoint,
// credentials) before anything starts, start the target, show the exact request(s) on
// --dry-run, confirm, send, report.
import { dryRunFetch, type ObservedRequest } from '@cloud-release/client';
import type { Api } from '@cloud-release/mock';
import { confirmDestruction } from './confirm.js';
import { type CliIo, lineOutput, type Out } from './io.js';
import { printPlanned, reportError } from './report.js';
import { checkEndpoint, embeddedNotice, resolveTarget, type Target } from './target.js';
import { EXIT } from './usage.js';

export interface CommonFlags {
  endpoint?: string;
  dryRun?: boolean;
  yes?: boolean;
  json?: boolean;
  ignoreMissing?: boolean;
}

/** What a command's client is built from. `live` is false for the offline passes. */
export interface CallContext {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  embedded: boolean;
  dryRun: boolean;
  live: boolean;
  out: Out;
}

export interface Release<R> {
  api: Api;
  /** What will be destroyed, for the prompt: "release 3 instances (i-1, i-2, i-3)". */
  what: string;
  /** Performs the release through a client built from `ctx`. */
  perform(ctx: CallContext): Promise<R>;
  /** A human summary of the result. */
  summary(result: R): string;
  /** Fields the --json result adds beside `result` (e.g. warnings). */
  extra?(): Record<string, unknown>;
  /** Handles a failure itself (an interrupted run); returns the exit code, or undefined to report it as usual. */
  onFailure?(error: unknown, out: Out, endpoint: string): number | undefined;
}

/** The stand-in origin of the offline check when the embedded mock has not started yet. */
const NOT_STARTED = 'http://embedded-mock.invalid';

export async function runRelease<R>(release: Release<R>, flags: CommonFlags, io: CliIo): Promise<number> {
  const out = lineOutput(io, flags.json === true);
  let target: Target | undefined;
  let named: string | undefined; // the endpoint a JSON error names, once it is known to be printable
  try {
    const endpoint = checkEndpoint(flags.endpoint);
    named = endpoint;
    const plan = async (baseUrl: string) => {
      const planned: ObservedRequest[] = [];
      const fetch = dryRunFetch((r) => planned.push(r));
      const embedded = endpoint === undefined;
      await release.perform({ baseUrl, fetch, embedded, dryRun: flags.dryRun === true, live: false, out });
      return planned;
    };
    // Validates every id and the credentials before a mock starts or a prompt appears.
    await plan(endpoint ?? NOT_STARTED);
    target = await resolveTarget(release.api, endpoint, io.startEmbedded);
    if (target.embedded) out.err(embeddedNotice(release.api, target.baseUrl, io.env));
    if (flags.dryRun) {
      printPlanned(await plan(target.baseUrl), target.baseUrl, out);
      return EXIT.ok;
    }
    await confirmDestruction(release.what, target.baseUrl, flags.yes === true, io);
    const { baseUrl, embedded } = target;
    const result = await release.perform({
      baseUrl,
      fetch: globalThis.fetch,
      embedded,
      dryRun: false,
      live: true,
      out,
    });
    const where = { endpoint: baseUrl, ...(embedded && { embeddedMock: true }) };
    out.out(
      out.json
        ? JSON.stringify({ ok: true, ...where, ...release.extra?.(), result }, null, 2)
        : release.summary(result),
    );
    return EXIT.ok;
  } catch (error) {
    const handled = target && release.onFailure?.(error, out, target.baseUrl);
    return handled ?? reportError(error, out, target?.baseUrl ?? named);
  } finally {
    await target?.close();
  }
}
