// What the CLI prints: a line a person can act on, or JSON for a machine; and the exit code.
import {
  NetworkError,
  NeutronApiError,
  type ObservedRequest,
  ValidationError,
  ZenlayerApiError,
  ZenlayerBatchError,
} from '@cloud-release/client';
import { EXIT, UsageError } from './usage.js';

export interface Io {
  out(line: string): void;
  err(line: string): void;
  json: boolean;
}

export function printPlanned(requests: ObservedRequest[], io: Io): void {
  if (io.json) {
    io.out(JSON.stringify({ ok: true, dryRun: true, requests }, null, 2));
    return;
  }
  io.out(
    `DRY RUN: nothing was sent. ${requests.length === 1 ? 'This request' : `These ${requests.length} requests`} would be sent:`,
  );
  for (const r of requests) {
    io.out('');
    io.out(`${r.method} ${r.url}`);
    for (const [name, value] of Object.entries(r.headers)) io.out(`${name}: ${value}`);
    if (r.body) io.out(`\n${r.body}`);
  }
}

// Every error class of the client has a toJSON() with its facts; anything else has a name and message.
function errorFacts(error: unknown): unknown {
  const e = error as Error & { toJSON?: () => unknown };
  return typeof e.toJSON === 'function' ? e.toJSON() : { name: e.name, message: e.message };
}

/** Prints an error and returns the exit code it deserves. */
export function reportError(error: unknown, io: Io): number {
  const usage = error instanceof UsageError || error instanceof ValidationError;
  const code = usage ? EXIT.usage : EXIT.apiError;
  if (
    !usage &&
    !(
      error instanceof ZenlayerApiError ||
      error instanceof ZenlayerBatchError ||
      error instanceof NeutronApiError ||
      error instanceof NetworkError
    )
  ) {
    // Not one of ours: still exit 1, but keep the stack for a bug report.
    io.err(`error: ${(error as Error).stack ?? String(error)}`);
    return code;
  }
  if (io.json) {
    io.out(JSON.stringify({ ok: false, error: errorFacts(error) }, null, 2));
    return code;
  }
  io.err(`error: ${(error as Error).message}`);
  if (error instanceof ZenlayerApiError)
    io.err(`  code: ${error.code ?? '(none)'}\n  requestId: ${error.requestId ?? '(none)'}`);
  if (error instanceof NeutronApiError) io.err(`  type: ${error.type ?? '(none)'}\n  status: ${error.status}`);
  if (error instanceof ZenlayerBatchError) {
    for (const f of error.failed) {
      const api =
        f.error instanceof ZenlayerApiError
          ? `code ${f.error.code ?? '(none)'}, requestId ${f.error.requestId ?? '(none)'}`
          : f.error.message;
      io.err(`  not released: ${f.ids.length} instance(s) ${f.ids[0]}…${f.ids[f.ids.length - 1]}: ${api}`);
    }
    for (const r of error.released) io.err(`  released: ${r.ids.length} instance(s), requestId ${r.requestId}`);
  }
  return code;
}
